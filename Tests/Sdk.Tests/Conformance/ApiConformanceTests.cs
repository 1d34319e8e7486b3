using System.Reflection;

namespace LeadLifecycle.Sdk.Tests.Conformance;

/// <summary>
/// The offline SDK must be a subset of the official one (tools/Sdk/official-sdk-api.txt): code that compiles here must
/// compile against Microsoft.CrmSdk.CoreAssemblies / Microsoft.CrmSdk.Workflow. Every public or protected type and
/// member is checked, in the listing's own notation.
/// </summary>
public class ApiConformanceTests
{
    private static readonly OfficialApiListing Listing = OfficialApiListing.Load();

    public static TheoryData<string> ListedAssemblies() => OfflineAssemblies.Listed();

    [Theory(Skip = OfficialRun.SkipReason)]
    [MemberData(nameof(ListedAssemblies))]
    public void Every_public_type_is_in_the_official_listing(string assemblyName)
    {
        ListedAssembly listed = Listing.Assemblies[assemblyName];
        string[] unknown = OfflineAssemblies.PublicTypes(assemblyName)
            .Select(ApiNotation.DeclaredTypeName)
            .Where(name => !listed.Types.ContainsKey(name) && !listed.NamesOnly.Contains(name))
            .ToArray();

        Assert.Empty(unknown);
    }

    [Theory(Skip = OfficialRun.SkipReason)]
    [MemberData(nameof(ListedAssemblies))]
    public void Every_full_detail_type_has_the_official_kind_base_and_interfaces(string assemblyName)
    {
        var mismatches = new List<string>();
        foreach (Type type in OfflineAssemblies.PublicTypes(assemblyName))
        {
            if (!Listing.Assemblies[assemblyName].Types.TryGetValue(ApiNotation.DeclaredTypeName(type), out ListedType? listed))
            {
                continue;
            }

            string header = ApiNotation.Kind(type) + " : " + ApiNotation.BaseTypeName(type);
            if (header != listed.Kind + " : " + listed.BaseType)
            {
                mismatches.Add(type.FullName + ": " + header + " (official: " + listed.Kind + " : " + listed.BaseType + ")");
            }

            // Interfaces that differ only by platform are fine: the .NET Framework COM shims (_Exception, _Attribute)
            // do not exist on .NET, and a BCL base type may implement more interfaces on .NET than on .NET Framework.
            IReadOnlyCollection<string> actual = ApiNotation.InterfaceNames(type);
            IEnumerable<string> missing = listed.Interfaces.Except(actual).Where(name => !name.StartsWith("System.Runtime.InteropServices._", StringComparison.Ordinal));
            IEnumerable<string> extra = actual.Except(listed.Interfaces).Except(BclBaseInterfaces(type));
            mismatches.AddRange(missing.Select(name => type.FullName + " lacks " + name));
            mismatches.AddRange(extra.Select(name => type.FullName + " adds " + name));
        }

        Assert.Empty(mismatches);
    }

    [Theory(Skip = OfficialRun.SkipReason)]
    [MemberData(nameof(ListedAssemblies))]
    public void Every_public_or_protected_member_has_an_official_signature(string assemblyName)
    {
        ListedAssembly listed = Listing.Assemblies[assemblyName];
        var unknown = new List<string>();
        foreach (Type type in OfflineAssemblies.PublicTypes(assemblyName))
        {
            string name = ApiNotation.DeclaredTypeName(type);
            IReadOnlyCollection<string> allowed = listed.Types.TryGetValue(name, out ListedType? listedType)
                ? listedType.Members
                : NamesOnlyTypeMembers.Allowed.TryGetValue(name, out string[]? pinned) ? pinned : Array.Empty<string>();
            unknown.AddRange(ApiNotation.Members(type).Where(member => !allowed.Contains(member)).Select(member => name + " :: " + member));
        }

        Assert.Empty(unknown);
    }

    [Theory(Skip = OfficialRun.SkipReason)]
    [MemberData(nameof(ListedAssemblies))]
    public void Every_full_detail_type_and_member_of_the_listing_is_implemented(string assemblyName)
    {
        Dictionary<string, Type> declared = OfflineAssemblies.PublicTypes(assemblyName).ToDictionary(ApiNotation.DeclaredTypeName, StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (ListedType listed in Listing.Assemblies[assemblyName].Types.Values)
        {
            if (!declared.TryGetValue(listed.FullName, out Type? type))
            {
                missing.Add(listed.FullName);
                continue;
            }

            var actual = new HashSet<string>(ApiNotation.Members(type), StringComparer.Ordinal);
            missing.AddRange(listed.Members.Where(member => !actual.Contains(member)).Select(member => listed.FullName + " :: " + member));
        }

        Assert.Empty(missing);
    }

    [Fact(Skip = OfficialRun.SkipReason)]
    public void Names_only_types_declared_by_the_offline_sdk_are_official_names()
    {
        IEnumerable<string> namesOnly = Listing.Assemblies.Values.SelectMany(assembly => assembly.NamesOnly);
        Assert.Empty(NamesOnlyTypeMembers.Allowed.Keys.Except(namesOnly));
    }

    private static IEnumerable<string> BclBaseInterfaces(Type type)
    {
        Type? bclBase = type.BaseType;
        while (bclBase != null && bclBase.Namespace?.StartsWith("System", StringComparison.Ordinal) != true)
        {
            bclBase = bclBase.BaseType;
        }

        return bclBase == null ? Array.Empty<string>() : ApiNotation.InterfaceNames(bclBase);
    }
}
