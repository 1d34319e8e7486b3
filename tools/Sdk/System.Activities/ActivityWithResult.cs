namespace System.Activities;

/// <summary>An activity that produces a value in its Result argument.</summary>
public abstract class ActivityWithResult : Activity
{
    internal ActivityWithResult()
    {
    }

    public Type ResultType => ResultArgument.ArgumentType;

    internal abstract OutArgument ResultArgument { get; }
}
