namespace System.Activities;

/// <summary>An imperative activity that returns a value (stored in its Result argument).</summary>
public abstract class CodeActivity<TResult> : Activity<TResult>
{
    protected CodeActivity()
    {
    }

    protected abstract TResult Execute(CodeActivityContext context);

    internal override void InternalExecute(CodeActivityContext context)
    {
        TResult result = Execute(context);
        context.SetValue(Result, result);
    }
}
