using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk.Query;

namespace Microsoft.Xrm.Sdk;

/// <summary>
/// The types DataContractSerializer may meet as an untyped value (an attribute, a parameter, an aliased value), returned
/// by the [KnownType("GetKnownParameterTypes")] / [KnownType("GetKnownAliasedValueTypes")] methods the official contracts
/// name. The official list (Microsoft.Xrm.Sdk KnownTypesProvider: the attribute value types, then the request/response
/// parameter types) is followed for every type this SDK declares, in the official order; the metadata, solution and
/// search types it also lists, DataSet, and the early-bound types of ProxyTypesAssembly assemblies are not modelled.
/// </summary>
internal static class KnownTypesProvider
{
    private static readonly Type[] ValueTypes =
    {
        // Attribute value types.
        typeof(bool), typeof(bool[]),
        typeof(int), typeof(int[]),
        typeof(string), typeof(string[]), typeof(string[][]),
        typeof(double), typeof(double[]),
        typeof(decimal), typeof(decimal[]),
        typeof(Guid), typeof(Guid[]),
        typeof(DateTime), typeof(DateTime[]),
        typeof(Money), typeof(Money[]),
        typeof(EntityReference), typeof(EntityReference[]),
        typeof(OptionSetValue), typeof(OptionSetValue[]),
        typeof(EntityCollection),
        typeof(BooleanManagedProperty),

        // Request and response parameter types.
        typeof(AliasedValue),
        typeof(Dictionary<string, string>),
        typeof(Entity), typeof(Entity[]),
        typeof(ColumnSet),
        typeof(EntityReferenceCollection),
        typeof(QueryBase), typeof(QueryExpression), typeof(QueryExpression[]),
        typeof(PagingInfo),
        typeof(Relationship),
        typeof(RelationshipQueryCollection),
        typeof(ExecuteMultipleSettings),
        typeof(OrganizationRequestCollection),
        typeof(ExecuteMultipleResponseItemCollection),
        typeof(KeyAttributeCollection),
        typeof(ConcurrencyBehavior),
        typeof(OptionSetValueCollection),
    };

    public static IEnumerable<Type> RetrieveKnownValueTypes() => ValueTypes;
}
