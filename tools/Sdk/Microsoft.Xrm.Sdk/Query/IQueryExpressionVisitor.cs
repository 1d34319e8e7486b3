namespace Microsoft.Xrm.Sdk.Query;

/// <summary>Rewrites a QueryExpression (see QueryExpression.Accept).</summary>
public interface IQueryExpressionVisitor
{
    QueryExpression Visit(QueryExpression query);
}
