namespace Microsoft.Xrm.Sdk.Query;

/// <summary>An aggregate/grouped column of a ColumnSet (names-only in the official listing; no members here).</summary>
public sealed class XrmAttributeExpression
{
    public XrmAttributeExpression()
    {
    }
}
