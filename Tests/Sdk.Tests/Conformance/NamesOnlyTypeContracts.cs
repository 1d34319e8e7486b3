namespace LeadLifecycle.Sdk.Tests.Conformance;

/// <summary>
/// official-sdk-contracts.txt covers the types official-sdk-api.txt details. The offline SDK also declares a few
/// names-only types (see <see cref="NamesOnlyTypeMembers"/>) that sit inside serialized graphs: a [DataContract] type
/// cannot derive from one without a contract, and a collection member's contract name shows in the XML. Their official
/// contracts are pinned here, as the class and property pages on learn.microsoft.com
/// (https://learn.microsoft.com/dotnet/api/{lower-case full type name}) show them, in the listing's notation. As in the
/// listing, a [KnownType] whose type the offline SDK does not declare (DiscoveryServiceFault, ExecuteTransactionFault,
/// AttributeRequiredLevel) is not modelled. Every other names-only type must carry no contract attribute.
/// </summary>
internal static class NamesOnlyTypeContracts
{
    private const string Xrm2011 = "http://schemas.microsoft.com/xrm/2011/Contracts";

    public static readonly IReadOnlyDictionary<string, string[]> Pinned = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        // OrganizationServiceFault's base.
        ["Microsoft.Xrm.Sdk.BaseServiceFault"] = new[]
        {
            "[DataContract(Name=\"BaseServiceFault\", Namespace=\"" + Xrm2011 + "\")]",
            "[KnownType(typeof(Microsoft.Xrm.Sdk.DiscoveryServiceFault))]",
            "[KnownType(typeof(Microsoft.Xrm.Sdk.OrganizationServiceFault))]",
            "[KnownType(typeof(Microsoft.Xrm.Sdk.ExecuteTransactionFault))]",
            "[DataMember()] property System.String Message",
            "[DataMember()] property System.Int32 ErrorCode",
            "[DataMember()] property System.String HelpLink",
            "[DataMember()] property System.DateTime Timestamp",
            "[DataMember()] property System.Guid ActivityId",
            "[DataMember()] property Microsoft.Xrm.Sdk.ErrorDetailCollection ErrorDetails",
        },

        // BooleanManagedProperty's base; its schema type is "ManagedPropertyboolean" in the organization service WSDL.
        ["Microsoft.Xrm.Sdk.ManagedProperty`1"] = new[]
        {
            "[DataContract(Name=\"ManagedProperty{0}\", Namespace=\"" + Xrm2011 + "\")]",
            "[KnownType(typeof(Microsoft.Xrm.Sdk.BooleanManagedProperty))]",
            "[KnownType(typeof(Microsoft.Xrm.Sdk.Metadata.AttributeRequiredLevel))]",
            "[DataMember()] property !0 Value",
            "[DataMember()] property System.Boolean CanBeChanged",
            "[DataMember()] property System.String ManagedPropertyLogicalName",
        },

        // RetrieveRequest.RelatedEntitiesQuery.
        ["Microsoft.Xrm.Sdk.RelationshipQueryCollection"] = new[]
        {
            "[CollectionDataContract(Name=\"RelationshipQueryCollection\", Namespace=\"" + Xrm2011 + "\")]",
        },

        // ColumnSet.AttributeExpressions items. The offline type declares none of its members, so none of their
        // [DataMember]s either: an offline XrmAttributeExpression serializes as an empty AttributeExpression.
        ["Microsoft.Xrm.Sdk.Query.XrmAttributeExpression"] = new[]
        {
            "[DataContract(Name=\"AttributeExpression\", Namespace=\"" + Xrm2011 + "\")]",
        },
    };
}
