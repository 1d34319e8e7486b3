namespace System.Activities;

/// <summary>Base of all activities (minimal .NET 10 stand-in for the .NET Framework System.Activities).</summary>
public abstract class Activity
{
    private string _displayName;

    protected Activity()
    {
    }

    public string DisplayName
    {
        get => _displayName ?? GetType().Name;
        set => _displayName = value;
    }

    /// <summary>Runs the activity body; the host (WorkflowInvoker) has bound the arguments in <paramref name="context"/>.</summary>
    internal abstract void InternalExecute(CodeActivityContext context);
}
