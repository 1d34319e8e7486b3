namespace System.Activities;

public abstract class Activity<TResult> : ActivityWithResult
{
    private OutArgument<TResult> _result = new OutArgument<TResult>();

    protected Activity()
    {
    }

    public OutArgument<TResult> Result
    {
        get => _result;
        set => _result = value ?? new OutArgument<TResult>();
    }

    internal override OutArgument ResultArgument => Result;
}
