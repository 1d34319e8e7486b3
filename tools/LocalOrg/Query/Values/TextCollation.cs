using System.Globalization;

namespace LeadLifecycle.LocalOrg.Query.Values;

/// <summary>
/// How Dataverse compares text: an environment created in English (1033) uses a _CI_AI collation — case- and
/// accent-insensitive ("cafe" = "Café"). Equality of two ASCII strings takes an ordinal fast path (same answer,
/// no ICU call per row).
/// https://learn.microsoft.com/power-platform/admin/language-collations
/// </summary>
internal static class TextCollation
{
    private static readonly CompareInfo Culture = CultureInfo.InvariantCulture.CompareInfo;
    private const CompareOptions Options = CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace;

    public static int Compare(string a, string b) => Culture.Compare(a, b, Options);

    public static bool Equal(string a, string b) =>
        IsAscii(a) && IsAscii(b) ? string.Equals(a, b, StringComparison.OrdinalIgnoreCase) : Culture.Compare(a, b, Options) == 0;

    public static int HashCode(string text) => Culture.GetHashCode(text, Options);

    public static bool StartsWith(string text, string prefix) => Culture.IsPrefix(text, prefix, Options);

    public static bool EndsWith(string text, string suffix) => Culture.IsSuffix(text, suffix, Options);

    public static bool Contains(string text, string part) => Culture.IndexOf(text, part, Options) >= 0;

    private static bool IsAscii(string text)
    {
        foreach (var c in text) if (c > 0x7F) return false;
        return true;
    }
}
