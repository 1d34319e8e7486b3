namespace LeadLifecycle.Sdk.Tests.Conformance;

/// <summary>
/// tools/Sdk/official-sdk-api.txt, parsed. Per assembly: the identity line, the full-detail types (header + member
/// lines in the file's notation) and the names-only types.
/// </summary>
internal sealed class OfficialApiListing
{
    private OfficialApiListing(IReadOnlyDictionary<string, ListedAssembly> assemblies)
    {
        Assemblies = assemblies;
    }

    public IReadOnlyDictionary<string, ListedAssembly> Assemblies { get; }

    public static OfficialApiListing Load() => Parse(File.ReadAllLines(RepoPaths.OfficialApiListing));

    public static OfficialApiListing Parse(IEnumerable<string> lines)
    {
        var assemblies = new Dictionary<string, ListedAssembly>(StringComparer.Ordinal);
        ListedAssembly? assembly = null;
        ListedType? type = null;
        var inNamesOnly = false;

        foreach (string line in lines)
        {
            if (line.StartsWith("## assembly ", StringComparison.Ordinal))
            {
                string identity = line.Substring("## assembly ".Length).Trim();
                assembly = new ListedAssembly(identity);
                assemblies.Add(assembly.Name, assembly);
                type = null;
                inNamesOnly = false;
            }
            else if (line.StartsWith("type ", StringComparison.Ordinal) && assembly != null)
            {
                type = ListedType.ParseHeader(line);
                assembly.Types.Add(type.FullName, type);
                inNamesOnly = false;
            }
            else if (line.StartsWith("other public types in ", StringComparison.Ordinal))
            {
                type = null;
                inNamesOnly = true;
            }
            else if (line.StartsWith("  ", StringComparison.Ordinal) && assembly != null)
            {
                if (inNamesOnly)
                {
                    AddNamesOnly(assembly, line.Trim());
                }
                else
                {
                    type?.Members.Add(line.Trim());
                }
            }
        }

        return new OfficialApiListing(assemblies);
    }

    private static void AddNamesOnly(ListedAssembly assembly, string line)
    {
        int colon = line.IndexOf(':');
        string ns = line.Substring(0, colon);
        foreach (string name in line.Substring(colon + 1).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            assembly.NamesOnly.Add(ns + "." + name);
        }
    }
}

internal sealed class ListedAssembly
{
    public ListedAssembly(string identity)
    {
        Identity = identity;
        Name = identity.Split(',')[0].Trim();
    }

    /// <summary>e.g. "Microsoft.Xrm.Sdk, Version=9.0.0.0, PublicKeyToken=31bf3856ad364e35".</summary>
    public string Identity { get; }

    public string Name { get; }

    public Dictionary<string, ListedType> Types { get; } = new(StringComparer.Ordinal);

    public HashSet<string> NamesOnly { get; } = new(StringComparer.Ordinal);
}

internal sealed class ListedType
{
    private const string Dash = " \u2014 ";

    private ListedType(string fullName, string kind, string baseType, IReadOnlyCollection<string> interfaces)
    {
        FullName = fullName;
        Kind = kind;
        BaseType = baseType;
        Interfaces = interfaces;
    }

    public string FullName { get; }

    /// <summary>"class", "sealed class", "abstract class", "interface", "enum".</summary>
    public string Kind { get; }

    /// <summary>The base type in the listing's notation, "-" for interfaces.</summary>
    public string BaseType { get; }

    public IReadOnlyCollection<string> Interfaces { get; }

    public HashSet<string> Members { get; } = new(StringComparer.Ordinal);

    /// <summary>Parses "type N — kind : Base — implements I1, I2" (the implements part is optional).</summary>
    public static ListedType ParseHeader(string line)
    {
        string[] parts = line.Substring("type ".Length).Split(Dash);
        string[] kindAndBase = parts[1].Split(" : ", 2);
        string[] interfaces = parts.Length > 2 && parts[2].StartsWith("implements ", StringComparison.Ordinal)
            ? SplitTopLevel(parts[2].Substring("implements ".Length))
            : Array.Empty<string>();
        return new ListedType(parts[0].Trim(), kindAndBase[0].Trim(), kindAndBase[1].Trim(), interfaces);
    }

    /// <summary>Splits "A`1[B,C], D" on the commas outside brackets.</summary>
    private static string[] SplitTopLevel(string text)
    {
        var items = new List<string>();
        int depth = 0, start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            depth += text[i] == '[' ? 1 : text[i] == ']' ? -1 : 0;
            if (text[i] == ',' && depth == 0)
            {
                items.Add(text.Substring(start, i - start).Trim());
                start = i + 1;
            }
        }

        items.Add(text.Substring(start).Trim());
        return items.ToArray();
    }
}
