namespace System.Activities;

/// <summary>An input argument; can carry a constant (implicit conversion from T) used when the host binds nothing.</summary>
public sealed class InArgument<T> : InArgument
{
    private readonly bool _hasConstant;
    private readonly T _constant;

    public InArgument()
    {
        ArgumentType = typeof(T);
    }

    public InArgument(T constValue) : this()
    {
        _hasConstant = true;
        _constant = constValue;
    }

    internal override object DefaultValue => _hasConstant ? _constant : default(T);

    public static implicit operator InArgument<T>(T constValue) => new InArgument<T>(constValue);

    public new T Get(ActivityContext context) => context.GetValue(this);

    public void Set(ActivityContext context, T value) => context.SetValue(this, value);
}
