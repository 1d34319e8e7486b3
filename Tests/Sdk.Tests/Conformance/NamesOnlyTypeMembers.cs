namespace LeadLifecycle.Sdk.Tests.Conformance;

/// <summary>
/// The listing gives only the NAMES of these official types; the offline SDK declares them because a full-detail
/// signature needs them. Their members are pinned here instead, each as documented on learn.microsoft.com
/// (https://learn.microsoft.com/dotnet/api/{lower-case full type name}); keep them minimal.
/// </summary>
internal static class NamesOnlyTypeMembers
{
    public static readonly IReadOnlyDictionary<string, string[]> Allowed = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        // OrganizationServiceFault's base: ActivityId, ErrorCode, ErrorDetails, HelpLink, Message, Timestamp, ExtensionData.
        ["Microsoft.Xrm.Sdk.BaseServiceFault"] = new[]
        {
            ".ctor()",
            "property System.Int32 ErrorCode[] get", "property System.Int32 ErrorCode[] set",
            "property System.String Message[] get", "property System.String Message[] set",
            "property System.DateTime Timestamp[] get", "property System.DateTime Timestamp[] set",
            "property System.String HelpLink[] get", "property System.String HelpLink[] set",
            "property System.Guid ActivityId[] get", "property System.Guid ActivityId[] set",
            "property Microsoft.Xrm.Sdk.ErrorDetailCollection ErrorDetails[] get",
            "property Microsoft.Xrm.Sdk.ErrorDetailCollection ErrorDetails[] set",
            "property System.Runtime.Serialization.ExtensionDataObject ExtensionData[] get",
            "property System.Runtime.Serialization.ExtensionDataObject ExtensionData[] set",
        },
        // BooleanManagedProperty's base: Value, CanBeChanged, ManagedPropertyLogicalName (its setter is internal:
        // https://learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.managedproperty-1.managedpropertylogicalname).
        ["Microsoft.Xrm.Sdk.ManagedProperty`1"] = new[]
        {
            ".ctor()",
            "property !0 Value[] get", "property !0 Value[] set",
            "property System.Boolean CanBeChanged[] get", "property System.Boolean CanBeChanged[] set",
            "property System.String ManagedPropertyLogicalName[] get",
            "property System.Runtime.Serialization.ExtensionDataObject ExtensionData[] get",
            "property System.Runtime.Serialization.ExtensionDataObject ExtensionData[] set",
        },
        // InvalidPluginExecutionException.HttpStatus: the enum values of the PluginHttpStatusCode page.
        ["Microsoft.Xrm.Sdk.PluginHttpStatusCode"] = new[]
        {
            "NotSet = 0", "BadRequest = 400", "Unauthorized = 401", "Forbidden = 403", "NotFound = 404", "MethodNotAllowed = 405",
            "RequestTimeout = 408", "Conflict = 409", "Gone = 410", "PreconditionFailed = 412", "RequestEntityTooLarge = 413",
            "ExpectationFailed = 417", "FailedDependency = 424", "TooManyRequests = 429", "InternalServerError = 500",
            "BadGateway = 502", "ServiceUnavailable = 503", "GatewayTimeout = 504",
        },
        // RetrieveRequest.RelatedEntitiesQuery: a DataCollection<Relationship, QueryBase> with a public ctor.
        ["Microsoft.Xrm.Sdk.RelationshipQueryCollection"] = new[] { ".ctor()" },
        // ColumnSet.AttributeExpressions element type: declared without members (not used by the project).
        ["Microsoft.Xrm.Sdk.Query.XrmAttributeExpression"] = new[] { ".ctor()" },
        // QueryExpression.Accept parameter.
        ["Microsoft.Xrm.Sdk.Query.IQueryExpressionVisitor"] = new[]
        {
            "abstract Microsoft.Xrm.Sdk.Query.QueryExpression Visit(Microsoft.Xrm.Sdk.Query.QueryExpression)",
        },
        // Entity.ToEntity<T>: early-bound classes carry it.
        ["Microsoft.Xrm.Sdk.Client.EntityLogicalNameAttribute"] = new[]
        {
            ".ctor(System.String)", "property System.String LogicalName[] get",
        },
        // InputAttribute/OutputAttribute base: the parameter's display name.
        ["Microsoft.Xrm.Sdk.Workflow.ParameterAttribute"] = new[]
        {
            ".ctor(System.String)", "property System.String Name[] get",
        },
    };
}
