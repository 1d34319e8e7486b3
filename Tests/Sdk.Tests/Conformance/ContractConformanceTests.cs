using LeadLifecycle.Sdk.Tests.Conformance.BrokenContracts;

namespace LeadLifecycle.Sdk.Tests.Conformance;

/// <summary>
/// The offline SDK carries the official serialization contracts (tools/Sdk/official-sdk-contracts.txt, read from the
/// official assemblies' metadata): the same [DataContract]/[CollectionDataContract] names and namespaces, [KnownType]s,
/// and [DataMember]/[EnumMember]/[IgnoreDataMember] members of any visibility with the same orders and flags. Without
/// them DataContractSerializer writes XML the real SDK neither writes nor reads (service endpoints, webhooks, captured
/// plug-in contexts). A missing, extra or different attribute fails here as a missing signature fails
/// <see cref="ApiConformanceTests"/>; the Broken* cases below prove that the comparison sees each kind of fault.
/// </summary>
public class ContractConformanceTests
{
    private static readonly OfficialContractListing Listing = OfficialContractListing.Load();

    private static readonly ContractComparison Comparison = ContractComparison.ForOfflineSdk(Listing);

    public static TheoryData<string> ListedAssemblies() => OfflineAssemblies.Listed();

    [Theory(Skip = OfficialRun.SkipReason)]
    [MemberData(nameof(ListedAssemblies))]
    public void Every_public_type_carries_exactly_the_official_contract(string assemblyName)
    {
        var differences = new List<string>();
        foreach (Type type in OfflineAssemblies.PublicTypes(assemblyName))
        {
            string name = ApiNotation.DeclaredTypeName(type);
            differences.AddRange(ContractComparison.Differences(type, Comparison.Expected(name)).Select(difference => name + ": " + difference));
        }

        Assert.Empty(differences);
    }

    [Fact(Skip = OfficialRun.SkipReason)]
    public void Every_type_of_the_contract_listing_is_declared_by_the_offline_sdk_assembly_it_belongs_to()
    {
        string[] missing = Listing.Types.Values
            .Where(listed => OfflineAssemblies.ByName(listed.Assembly).GetType(listed.FullName, throwOnError: false) == null)
            .Select(listed => listed.Assembly + " :: " + listed.FullName)
            .ToArray();

        Assert.Empty(missing);
    }

    [Fact]
    public void Pinned_names_only_contracts_are_for_names_only_types_the_offline_sdk_declares()
    {
        Assert.Empty(NamesOnlyTypeContracts.Pinned.Keys.Except(NamesOnlyTypeMembers.Allowed.Keys));
        Assert.DoesNotContain(NamesOnlyTypeContracts.Pinned.Keys, Listing.Types.ContainsKey);
    }

    // Which [KnownType]s are expected depends on the types the SDK assemblies of the run declare: offline runs only.
    [Fact(Skip = OfficialRun.SkipReason)]
    public void The_comparison_reads_the_listing_as_written()
    {
        Assert.Equal(72, Listing.Types.Count);
        ExpectedContract request = Comparison.Expected("Microsoft.Xrm.Sdk.OrganizationRequest");
        Assert.Contains("[KnownType(typeof(Microsoft.Xrm.Sdk.Messages.CreateRequest))]", request.TypeAttributes);
        Assert.DoesNotContain("[KnownType(typeof(Microsoft.Xrm.Sdk.Messages.CreateMultipleRequest))]", request.TypeAttributes);
        Assert.Contains(
            "[DataMember(EmitDefaultValue=false, Order=50)] property System.Nullable`1[System.Int32] TopCount",
            Comparison.Expected("Microsoft.Xrm.Sdk.Query.QueryExpression").Members);
        Assert.Contains("[IgnoreDataMember()] property Microsoft.Xrm.Sdk.BaseServiceFault InnerServiceFault", Comparison.Expected("Microsoft.Xrm.Sdk.OrganizationServiceFault").Members);
        Assert.Empty(Comparison.Expected("Microsoft.Xrm.Sdk.DataCollection`1").TypeAttributes);
    }

    [Fact]
    public void Broken_a_type_without_any_contract_is_reported()
    {
        Assert.Equal(
            new[]
            {
                "missing [DataContract(Name=\"Money\", Namespace=\"http://schemas.microsoft.com/xrm/2011/Contracts\")]",
                "missing [DataMember()] property System.Decimal Value",
            },
            Differences<MoneyWithoutContract>("Microsoft.Xrm.Sdk.Money"));
    }

    [Fact]
    public void Broken_a_different_namespace_is_reported()
    {
        Assert.Equal(
            new[]
            {
                "missing [DataContract(Name=\"Money\", Namespace=\"http://schemas.microsoft.com/xrm/2011/Contracts\")]",
                "unexpected [DataContract(Name=\"Money\", Namespace=\"http://schemas.microsoft.com/xrm/2012/Contracts\")]",
            },
            Differences<MoneyInAnotherNamespace>("Microsoft.Xrm.Sdk.Money"));
    }

    [Fact]
    public void Broken_a_missing_and_an_extra_data_member_are_reported()
    {
        Assert.Equal(
            new[]
            {
                "missing [DataMember()] property System.String RowVersion",
                "unexpected [DataMember()] property System.String PrimaryIdAttribute",
            },
            Differences<EntityReferenceWithOtherMembers>("Microsoft.Xrm.Sdk.EntityReference"));
    }

    [Fact]
    public void Broken_a_different_flag_is_reported()
    {
        Assert.Equal(
            new[]
            {
                "missing [DataMember(EmitDefaultValue=false, Order=50)] property System.Nullable`1[System.Int32] TopCount",
                "unexpected [DataMember(Order=50)] property System.Nullable`1[System.Int32] TopCount",
            },
            Differences<QueryExpressionWithAnotherFlag>("Microsoft.Xrm.Sdk.Query.QueryExpression"));
    }

    [Fact]
    public void Broken_a_missing_enum_member_is_reported()
    {
        Assert.Equal(
            new[] { "missing [EnumMember()] field " + typeof(EntityRoleWithoutAnEnumMember).FullName + " Referenced" },
            Differences<EntityRoleWithoutAnEnumMember>("Microsoft.Xrm.Sdk.EntityRole"));
    }

    [Fact]
    public void Broken_a_data_contract_in_place_of_a_collection_data_contract_is_reported()
    {
        Assert.Equal(
            new[]
            {
                "missing [CollectionDataContract(Name=\"OptionSetValueCollection\", Namespace=\"http://schemas.microsoft.com/xrm/9.0/Contracts\")]",
                "unexpected [DataContract(Name=\"OptionSetValueCollection\", Namespace=\"http://schemas.microsoft.com/xrm/9.0/Contracts\")]",
            },
            Differences<OptionSetValueCollectionAsDataContract>("Microsoft.Xrm.Sdk.OptionSetValueCollection"));
    }

    [Fact(Skip = OfficialRun.SkipReason)]
    public void Broken_a_missing_known_type_is_reported()
    {
        Assert.Equal(
            new[] { "missing [KnownType(typeof(Microsoft.Xrm.Sdk.Messages.CreateRequest))]" },
            Differences<OrganizationRequestWithoutCreateRequest>("Microsoft.Xrm.Sdk.OrganizationRequest"));
    }

    /// <summary>
    /// How <typeparamref name="TBroken"/> differs from the contract expected of the official type. An enum's field lines
    /// name the enum itself, so those are renamed to the broken copy first.
    /// </summary>
    private static IReadOnlyList<string> Differences<TBroken>(string officialTypeName)
    {
        ExpectedContract official = Comparison.Expected(officialTypeName);
        string ownField = " field " + officialTypeName + " ";
        var expected = new ExpectedContract(
            official.TypeAttributes,
            official.Members.Select(line => line.Replace(ownField, " field " + typeof(TBroken).FullName + " ", StringComparison.Ordinal)));
        return ContractComparison.Differences(typeof(TBroken), expected);
    }
}
