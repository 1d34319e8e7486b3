using System.Text;
using System.Text.RegularExpressions;
using LeadLifecycle.LocalOrg.Query.Values;

namespace LeadLifecycle.LocalOrg.Query.Conditions;

/// <summary>
/// SQL LIKE as Dataverse documents it for like/begins-with/ends-with: % any run of characters, _ one character,
/// [abc] / [a-c] one of a set, [^abc] one not in it; a wildcard inside brackets is literal ([%]).
/// Case- and accent-insensitive like the platform's collation (patterns with _ or [ ] are case-insensitive only).
/// https://learn.microsoft.com/power-apps/developer/data-platform/wildcard-characters
/// </summary>
internal sealed class LikePattern
{
    private readonly Func<string, bool> _match;

    private LikePattern(Func<string, bool> match) => _match = match;

    public static LikePattern Compile(string pattern)
    {
        // The common shapes (begins with, ends with, contains, equals) skip the regex engine: they run per row.
        var core = pattern.Trim('%');
        if (core.IndexOfAny(Wildcards) < 0)
        {
            var leading = pattern.StartsWith('%');
            var trailing = pattern.EndsWith('%') && pattern.Length > 1;
            if (core.Length == 0) return new LikePattern(v => pattern.Length > 0 || v.Length == 0);
            if (leading && trailing) return new LikePattern(v => TextCollation.Contains(v, core));
            if (trailing) return new LikePattern(v => TextCollation.StartsWith(v, core));
            if (leading) return new LikePattern(v => TextCollation.EndsWith(v, core));
            return new LikePattern(v => TextCollation.Equal(v, core));
        }
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '%': regex.Append(".*"); break;
                case '_': regex.Append('.'); break;
                case '[':
                    var close = pattern.IndexOf(']', i + 1);
                    if (close < 0) { regex.Append(@"\["); break; }
                    regex.Append(CharacterSet(pattern.Substring(i + 1, close - i - 1)));
                    i = close;
                    break;
                default: regex.Append(Regex.Escape(c.ToString())); break;
            }
        }
        regex.Append('$');
        var compiled = new Regex(regex.ToString(), RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant);
        return new LikePattern(compiled.IsMatch);
    }

    private static readonly char[] Wildcards = { '%', '_', '[' };

    public bool IsMatch(string value) => _match(value);

    private static string CharacterSet(string body)
    {
        var negated = body.StartsWith('^');
        if (negated) body = body.Substring(1);
        var set = new StringBuilder(negated ? "[^" : "[");
        foreach (var c in body)
        {
            set.Append(c == '-' ? "-" : Regex.Escape(c.ToString()).Replace("]", @"\]"));
        }
        return set.Append(']').ToString();
    }
}
