namespace LeadLifecycle.Sdk.Tests.Conformance;

/// <summary>
/// tools/Sdk/official-sdk-contracts.txt, parsed: per type, its type-level contract attributes ([DataContract],
/// [CollectionDataContract], [KnownType]) and its member lines ("[DataMember(...)] property T Name",
/// "[EnumMember()] field T Name", "[IgnoreDataMember()] property T Name"), each normalised by
/// <see cref="ContractNotation.Normalize"/>.
/// </summary>
internal sealed class OfficialContractListing
{
    private OfficialContractListing(IReadOnlyDictionary<string, ListedContract> types)
    {
        Types = types;
    }

    /// <summary>By full type name (generic definitions as Name`N).</summary>
    public IReadOnlyDictionary<string, ListedContract> Types { get; }

    public static OfficialContractListing Load() => Parse(File.ReadAllLines(RepoPaths.OfficialContractListing));

    public static OfficialContractListing Parse(IEnumerable<string> lines)
    {
        var types = new Dictionary<string, ListedContract>(StringComparer.Ordinal);
        string? assembly = null;
        ListedContract? type = null;

        foreach (string line in lines)
        {
            if (line.StartsWith("## assembly ", StringComparison.Ordinal))
            {
                assembly = line.Substring("## assembly ".Length).Trim();
                type = null;
            }
            else if (line.StartsWith("type ", StringComparison.Ordinal) && assembly != null)
            {
                type = new ListedContract(assembly, line.Substring("type ".Length).Trim());
                types.Add(type.FullName, type);
            }
            else if (line.StartsWith("  [", StringComparison.Ordinal) && type != null)
            {
                string text = line.Trim();
                int end = ContractNotation.AttributeEnd(text);
                (end == text.Length - 1 ? type.TypeAttributes : type.Members).Add(ContractNotation.Normalize(text));
            }
        }

        return new OfficialContractListing(types);
    }
}

internal sealed class ListedContract
{
    public ListedContract(string assembly, string fullName)
    {
        Assembly = assembly;
        FullName = fullName;
    }

    /// <summary>The simple assembly name, e.g. "Microsoft.Xrm.Sdk".</summary>
    public string Assembly { get; }

    public string FullName { get; }

    public HashSet<string> TypeAttributes { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Members { get; } = new(StringComparer.Ordinal);
}
