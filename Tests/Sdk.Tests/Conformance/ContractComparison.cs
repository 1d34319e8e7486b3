namespace LeadLifecycle.Sdk.Tests.Conformance;

/// <summary>
/// The contract an offline type must carry, and how it differs from the one it does carry. Expected: the type's entry in
/// official-sdk-contracts.txt; for a names-only type, its pin in <see cref="NamesOnlyTypeContracts"/>; otherwise none.
/// A [KnownType(typeof(X))] is expected only when the offline SDK declares X (the offline SDK is a subset: the official
/// OrganizationRequest also knows CreateMultipleRequest, the metadata requests, ...).
/// </summary>
internal sealed class ContractComparison
{
    private const string KnownTypeOf = "[KnownType(typeof(";

    private readonly OfficialContractListing _listing;
    private readonly Func<string, bool> _isDeclared;

    public ContractComparison(OfficialContractListing listing, Func<string, bool> isDeclared)
    {
        _listing = listing;
        _isDeclared = isDeclared;
    }

    /// <summary>Compares against the offline SDK assemblies of this run.</summary>
    public static ContractComparison ForOfflineSdk(OfficialContractListing listing) =>
        new(listing, name => new[] { OfflineAssemblies.XrmSdk, OfflineAssemblies.CrmSdkProxy, OfflineAssemblies.XrmSdkWorkflow }
            .Any(assembly => assembly.GetType(name, throwOnError: false) != null));

    public ExpectedContract Expected(string typeName)
    {
        if (_listing.Types.TryGetValue(typeName, out ListedContract? listed))
        {
            return new ExpectedContract(listed.TypeAttributes.Where(IsModelled), listed.Members);
        }

        if (NamesOnlyTypeContracts.Pinned.TryGetValue(typeName, out string[]? pinned))
        {
            string[] lines = pinned.Select(ContractNotation.Normalize).ToArray();
            return new ExpectedContract(
                lines.Where(line => ContractNotation.AttributeEnd(line) == line.Length - 1).Where(IsModelled),
                lines.Where(line => ContractNotation.AttributeEnd(line) < line.Length - 1));
        }

        return new ExpectedContract(Array.Empty<string>(), Array.Empty<string>());
    }

    /// <summary>"missing LINE" / "unexpected LINE", type-level attributes first, each group sorted.</summary>
    public static IReadOnlyList<string> Differences(Type type, ExpectedContract expected)
    {
        var actualAttributes = new HashSet<string>(ContractNotation.TypeAttributes(type), StringComparer.Ordinal);
        var actualMembers = new HashSet<string>(ContractNotation.Members(type), StringComparer.Ordinal);
        return Compare(expected.TypeAttributes, actualAttributes).Concat(Compare(expected.Members, actualMembers)).ToList();
    }

    private static IEnumerable<string> Compare(IReadOnlySet<string> expected, IReadOnlySet<string> actual) =>
        expected.Except(actual).Order(StringComparer.Ordinal).Select(line => "missing " + line)
            .Concat(actual.Except(expected).Order(StringComparer.Ordinal).Select(line => "unexpected " + line));

    private bool IsModelled(string typeAttribute)
    {
        if (!typeAttribute.StartsWith(KnownTypeOf, StringComparison.Ordinal))
        {
            return true;
        }

        string knownType = typeAttribute.Substring(KnownTypeOf.Length, typeAttribute.Length - KnownTypeOf.Length - "))]".Length);
        return _isDeclared(knownType);
    }
}

internal sealed class ExpectedContract
{
    public ExpectedContract(IEnumerable<string> typeAttributes, IEnumerable<string> members)
    {
        TypeAttributes = new HashSet<string>(typeAttributes, StringComparer.Ordinal);
        Members = new HashSet<string>(members, StringComparer.Ordinal);
    }

    public IReadOnlySet<string> TypeAttributes { get; }

    public IReadOnlySet<string> Members { get; }
}
