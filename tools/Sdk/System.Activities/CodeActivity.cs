namespace System.Activities;

/// <summary>An activity whose body is the imperative <see cref="Execute"/> method.</summary>
public abstract class CodeActivity : Activity
{
    protected CodeActivity()
    {
    }

    protected abstract void Execute(CodeActivityContext context);

    internal override void InternalExecute(CodeActivityContext context) => Execute(context);
}
