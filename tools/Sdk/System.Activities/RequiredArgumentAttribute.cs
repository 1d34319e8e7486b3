namespace System.Activities;

/// <summary>Marks an activity argument the caller must bind (Dataverse asks for it in the step designer).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RequiredArgumentAttribute : Attribute
{
    public RequiredArgumentAttribute()
    {
    }
}
