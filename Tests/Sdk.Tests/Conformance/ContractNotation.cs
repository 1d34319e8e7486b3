using System.Globalization;
using System.Reflection;
using System.Runtime.Serialization;
using System.Text;

namespace LeadLifecycle.Sdk.Tests.Conformance;

/// <summary>
/// Writes a reflected type's serialization contract in the notation of official-sdk-contracts.txt (see its header):
/// type-level "[DataContract(Name="X", Namespace="N")]", "[CollectionDataContract(...)]", "[KnownType(...)]"; member
/// lines "[DataMember(Order=50, EmitDefaultValue=false)] property T Name" for members of ANY visibility, with only the
/// named arguments the source sets. Named arguments are compared in a fixed (sorted) order: their order carries no
/// meaning for DataContractSerializer.
/// </summary>
internal static class ContractNotation
{
    private const BindingFlags Declared =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Type[] TypeContractAttributes =
    {
        typeof(DataContractAttribute), typeof(CollectionDataContractAttribute), typeof(KnownTypeAttribute),
    };

    private static readonly Type[] MemberContractAttributes =
    {
        typeof(DataMemberAttribute), typeof(EnumMemberAttribute), typeof(IgnoreDataMemberAttribute),
    };

    /// <summary>The contract attributes declared on the type itself (not inherited), normalised.</summary>
    public static IEnumerable<string> TypeAttributes(Type type) =>
        CustomAttributeData.GetCustomAttributes(type)
            .Where(attribute => TypeContractAttributes.Contains(attribute.AttributeType))
            .Select(Format);

    /// <summary>One line per contract attribute on a property or field the type declares, whatever its visibility.</summary>
    public static IEnumerable<string> Members(Type type)
    {
        foreach (PropertyInfo property in type.GetProperties(Declared))
        {
            foreach (CustomAttributeData attribute in MemberAttributes(property))
            {
                yield return Format(attribute) + " property " + ApiNotation.TypeName(property.PropertyType) + " " + property.Name;
            }
        }

        foreach (FieldInfo field in type.GetFields(Declared))
        {
            foreach (CustomAttributeData attribute in MemberAttributes(field))
            {
                yield return Format(attribute) + " field " + ApiNotation.TypeName(field.FieldType) + " " + field.Name;
            }
        }
    }

    /// <summary>The index of the ']' that closes the line's leading attribute (quotes and parentheses skipped).</summary>
    public static int AttributeEnd(string line)
    {
        var inString = false;
        var depth = 0;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (c == '"')
            {
                inString = !inString;
            }
            else if (!inString && c == '(')
            {
                depth++;
            }
            else if (!inString && c == ')')
            {
                depth--;
            }
            else if (!inString && depth == 0 && c == ']')
            {
                return i;
            }
        }

        throw new FormatException("No attribute at the start of: " + line);
    }

    /// <summary>"[Name(positional..., named...)] rest" with the named arguments sorted and ", " between arguments.</summary>
    public static string Normalize(string line)
    {
        line = line.Trim();
        int end = AttributeEnd(line);
        string attribute = line.Substring(1, end - 1);
        string rest = line.Substring(end + 1);
        int open = attribute.IndexOf('(');
        if (open < 0)
        {
            return "[" + attribute + "()]" + rest;
        }

        string name = attribute.Substring(0, open);
        List<string> arguments = SplitArguments(attribute.Substring(open + 1, attribute.Length - open - 2));
        IEnumerable<string> positional = arguments.Where(argument => !IsNamed(argument));
        IEnumerable<string> named = arguments.Where(IsNamed).OrderBy(argument => argument, StringComparer.Ordinal);
        return "[" + name + "(" + string.Join(", ", positional.Concat(named)) + ")]" + rest;
    }

    private static IEnumerable<CustomAttributeData> MemberAttributes(MemberInfo member) =>
        CustomAttributeData.GetCustomAttributes(member).Where(attribute => MemberContractAttributes.Contains(attribute.AttributeType));

    private static string Format(CustomAttributeData attribute)
    {
        string name = attribute.AttributeType.Name;
        name = name.EndsWith("Attribute", StringComparison.Ordinal) ? name.Substring(0, name.Length - "Attribute".Length) : name;
        IEnumerable<string> arguments = attribute.ConstructorArguments.Select(Value)
            .Concat(attribute.NamedArguments.Select(argument => argument.MemberName + "=" + Value(argument.TypedValue)));
        return Normalize("[" + name + "(" + string.Join(", ", arguments) + ")]");
    }

    private static string Value(CustomAttributeTypedArgument argument) => argument.Value switch
    {
        null => "null",
        string text => "\"" + text + "\"",
        Type type => "typeof(" + ApiNotation.TypeName(type) + ")",
        bool flag => flag ? "true" : "false",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        object other => other.ToString() ?? string.Empty,
    };

    private static bool IsNamed(string argument)
    {
        int equals = argument.IndexOf('=');
        return equals > 0 && argument.Substring(0, equals).All(char.IsLetterOrDigit);
    }

    private static List<string> SplitArguments(string text)
    {
        var arguments = new List<string>();
        var current = new StringBuilder();
        var inString = false;
        var depth = 0;
        foreach (char c in text)
        {
            inString ^= c == '"';
            depth += inString ? 0 : c == '(' ? 1 : c == ')' ? -1 : 0;
            if (c == ',' && !inString && depth == 0)
            {
                arguments.Add(current.ToString().Trim());
                current.Clear();
                continue;
            }

            current.Append(c);
        }

        if (current.ToString().Trim().Length > 0)
        {
            arguments.Add(current.ToString().Trim());
        }

        return arguments;
    }
}
