using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

// Deliberately wrong copies of official contracts, one fault each, so ContractConformanceTests can show that the
// comparison catches that kind of fault. Never serialized; never used outside those tests.
namespace LeadLifecycle.Sdk.Tests.Conformance.BrokenContracts;

internal static class Xrm
{
    public const string Contracts2011 = "http://schemas.microsoft.com/xrm/2011/Contracts";
}

/// <summary>Money with no contract at all (the offline SDK before issue #18).</summary>
internal sealed class MoneyWithoutContract
{
    public decimal Value { get; set; }
}

/// <summary>Money in the 2012 namespace instead of the 2011 one.</summary>
[DataContract(Name = "Money", Namespace = "http://schemas.microsoft.com/xrm/2012/Contracts")]
internal sealed class MoneyInAnotherNamespace
{
    [DataMember]
    public decimal Value { get; set; }
}

/// <summary>EntityReference whose RowVersion lost its [DataMember], with a member the official contract does not have.</summary>
[DataContract(Name = "EntityReference", Namespace = Xrm.Contracts2011)]
internal sealed class EntityReferenceWithOtherMembers
{
    [DataMember]
    public Guid Id { get; set; }

    [DataMember]
    public string? LogicalName { get; set; }

    [DataMember]
    public string? Name { get; set; }

    [DataMember]
    public KeyAttributeCollection? KeyAttributes { get; set; }

    public string? RowVersion { get; set; }

    [DataMember]
    public string? PrimaryIdAttribute { get; set; }
}

/// <summary>QueryExpression whose TopCount lost EmitDefaultValue = false (its Order is right).</summary>
[DataContract(Name = "QueryExpression", Namespace = Xrm.Contracts2011)]
internal sealed class QueryExpressionWithAnotherFlag
{
    [DataMember]
    public bool Distinct { get; set; }

    [DataMember(Order = 50)]
    public bool NoLock { get; set; }

    [DataMember(IsRequired = false, EmitDefaultValue = false)]
    public QueryExpression? SubQueryExpression { get; set; }

    [DataMember]
    public PagingInfo? PageInfo { get; set; }

    [DataMember(Order = 92, EmitDefaultValue = false)]
    public string? QueryHints { get; set; }

    [DataMember(EmitDefaultValue = false)]
    public string? ForceSeek { get; set; }

    [DataMember(Order = 93, EmitDefaultValue = false)]
    public string? DataSource { get; set; }

    [DataMember]
    public DataCollection<LinkEntity>? LinkEntities { get; set; }

    [DataMember]
    public FilterExpression? Criteria { get; set; }

    [DataMember]
    public DataCollection<OrderExpression>? Orders { get; set; }

    [DataMember]
    public string? EntityName { get; set; }

    [DataMember]
    public ColumnSet? ColumnSet { get; set; }

    [DataMember(Order = 50)]
    public int? TopCount { get; set; }
}

/// <summary>EntityRole whose Referenced value lost [EnumMember].</summary>
[DataContract(Name = "EntityRole", Namespace = Xrm.Contracts2011)]
internal enum EntityRoleWithoutAnEnumMember
{
    [EnumMember] Referencing = 0,
    Referenced = 1,
}

/// <summary>OptionSetValueCollection declared a plain data contract instead of a collection data contract.</summary>
[DataContract(Name = "OptionSetValueCollection", Namespace = "http://schemas.microsoft.com/xrm/9.0/Contracts")]
internal sealed class OptionSetValueCollectionAsDataContract
{
}

/// <summary>OrganizationRequest that does not list CreateRequest among its known types.</summary>
[DataContract(Name = "OrganizationRequest", Namespace = Xrm.Contracts2011)]
[KnownType(typeof(OrganizationRequest))]
[KnownType(typeof(AssociateRequest))]
[KnownType(typeof(DisassociateRequest))]
[KnownType(typeof(ExecuteMultipleRequest))]
[KnownType(typeof(RetrieveMultipleRequest))]
[KnownType(typeof(DeleteRequest))]
[KnownType(typeof(RetrieveRequest))]
[KnownType(typeof(UpdateRequest))]
[KnownType(typeof(UpsertRequest))]
internal class OrganizationRequestWithoutCreateRequest
{
    [DataMember]
    public string? RequestName { get; set; }

    [DataMember]
    public ParameterCollection? Parameters { get; set; }

    [DataMember]
    public Guid? RequestId { get; set; }
}
