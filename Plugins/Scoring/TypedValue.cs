using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Scoring
{
    /// <summary>
    /// A column value reduced to what a rule can compare: text, number, yes/no, date, id or a set of options.
    /// The rule's text value is parsed as the column's own type, so "9" &lt; "10" for numbers and
    /// "abc" = "ABC" for text (case-insensitive, like Dataverse's default collation).
    /// </summary>
    public sealed class TypedValue
    {
        private enum Kind { Text, Number, YesNo, Date, Id, OptionSet }

        private readonly Kind kind;
        private readonly string? text;
        private readonly decimal number;
        private readonly bool yesNo;
        private readonly DateTime date;
        private readonly Guid id;
        private readonly HashSet<int>? options;

        private TypedValue(Kind kind, string? text = null, decimal number = 0, bool yesNo = false, DateTime date = default,
            Guid id = default, HashSet<int>? options = null)
        {
            this.kind = kind; this.text = text; this.number = number; this.yesNo = yesNo; this.date = date; this.id = id; this.options = options;
        }

        /// <summary>Null when the column has no value (an empty text or an empty choice list counts as none).</summary>
        public static TypedValue? Of(object? value)
        {
            switch (value)
            {
                case null: return null;
                case AliasedValue aliased: return Of(aliased.Value);
                case string s: return string.IsNullOrWhiteSpace(s) ? null : new TypedValue(Kind.Text, text: s.Trim());
                case int i: return new TypedValue(Kind.Number, number: i);
                case long l: return new TypedValue(Kind.Number, number: l);
                case decimal d: return new TypedValue(Kind.Number, number: d);
                case double db: return new TypedValue(Kind.Number, number: (decimal)db);
                case Money m: return new TypedValue(Kind.Number, number: m.Value);
                case OptionSetValue o: return new TypedValue(Kind.Number, number: o.Value);
                case bool b: return new TypedValue(Kind.YesNo, yesNo: b);
                case DateTime dt: return new TypedValue(Kind.Date, date: dt.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(dt, DateTimeKind.Utc) : dt.ToUniversalTime());
                case EntityReference r: return new TypedValue(Kind.Id, id: r.Id);
                case Guid g: return new TypedValue(Kind.Id, id: g);
                case OptionSetValueCollection many:
                    return many.Count == 0 ? null : new TypedValue(Kind.OptionSet, options: new HashSet<int>(many.Select(o => o.Value)));
                default: return new TypedValue(Kind.Text, text: Convert.ToString(value, CultureInfo.InvariantCulture));
            }
        }

        /// <summary>Is the rule's text a valid value of this column's type? Null when it is, else why not.</summary>
        public string? Problem(string expected)
        {
            switch (kind)
            {
                case Kind.Number: case Kind.OptionSet: return ParseNumber(expected).HasValue ? null : $"'{expected}' is not a number";
                case Kind.YesNo: return ParseYesNo(expected).HasValue ? null : $"'{expected}' is not Yes/No (true, false, yes, no, 1, 0)";
                case Kind.Date: return ParseDate(expected).HasValue ? null : $"'{expected}' is not a date (use ISO 8601, e.g. 2026-01-31)";
                case Kind.Id: return Guid.TryParse(expected.Trim(), out _) ? null : $"'{expected}' is not a record id (GUID)";
                default: return null;
            }
        }

        public bool EqualsText(string expected)
        {
            switch (kind)
            {
                case Kind.Text: return string.Equals(text, expected.Trim(), StringComparison.OrdinalIgnoreCase);
                case Kind.OptionSet:
                    var wanted = ParseNumberList(expected);
                    return wanted != null && options!.SetEquals(wanted);
                default: return CompareTo(expected) == 0;
            }
        }

        public bool ContainsText(string expected)
        {
            if (kind == Kind.OptionSet)
            {
                var wanted = ParseNumber(expected);
                return wanted.HasValue && options!.Contains((int)wanted.Value);
            }
            var haystack = kind == Kind.Text ? text! : ToText();
            return haystack.IndexOf(expected.Trim(), StringComparison.OrdinalIgnoreCase) >= 0;
        }

        /// <summary>Holds when the value equals any item of a ';' list; for a multi-select, when any option is listed.</summary>
        public bool IsOneOf(string list)
        {
            var items = SplitList(list);
            if (kind == Kind.OptionSet)
            {
                return items.Select(ParseNumber).Any(n => n.HasValue && options!.Contains((int)n.Value));
            }
            return items.Any(EqualsText);
        }

        /// <summary>Sign of (value − expected) in the column's own type; null when the two cannot be ordered.</summary>
        public int? CompareTo(string expected)
        {
            switch (kind)
            {
                case Kind.Text: return Math.Sign(string.Compare(text, expected.Trim(), StringComparison.OrdinalIgnoreCase));
                case Kind.Number:
                    var n = ParseNumber(expected);
                    return n.HasValue ? number.CompareTo(n.Value) : (int?)null;
                case Kind.YesNo:
                    var b = ParseYesNo(expected);
                    return b.HasValue ? yesNo.CompareTo(b.Value) : (int?)null;
                case Kind.Date:
                    var d = ParseDate(expected);
                    return d.HasValue ? date.CompareTo(d.Value) : (int?)null;
                case Kind.Id:
                    return Guid.TryParse(expected.Trim(), out var g) ? (id == g ? 0 : (int?)null) : null;
                default: return null;
            }
        }

        public static IReadOnlyList<string> SplitList(string list) =>
            list.Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries).Select(i => i.Trim()).Where(i => i.Length > 0).ToList();

        private string ToText()
        {
            switch (kind)
            {
                case Kind.Number: return number.ToString(CultureInfo.InvariantCulture);
                case Kind.YesNo: return yesNo ? "true" : "false";
                case Kind.Date: return date.ToString("o", CultureInfo.InvariantCulture);
                case Kind.Id: return id.ToString();
                default: return text ?? "";
            }
        }

        private static decimal? ParseNumber(string s) =>
            decimal.TryParse(s.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? n : (decimal?)null;

        private static HashSet<int>? ParseNumberList(string s)
        {
            var set = new HashSet<int>();
            foreach (var item in SplitList(s))
            {
                var n = ParseNumber(item);
                if (!n.HasValue) return null;
                set.Add((int)n.Value);
            }
            return set;
        }

        private static bool? ParseYesNo(string s)
        {
            switch (s.Trim().ToLowerInvariant())
            {
                case "true": case "yes": case "1": return true;
                case "false": case "no": case "0": return false;
                default: return null;
            }
        }

        /// <summary>ISO 8601 only (a date, or a date and time with an optional offset): "01/02/2026" or "5 January 1990"
        /// would be read differently by different people, so a rule's date is refused unless it says one day (issue #20).</summary>
        private static readonly string[] IsoDates =
        {
            "yyyy-MM-dd", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF",
            "yyyy-MM-ddTHH:mmK", "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK",
        };

        private static DateTime? ParseDate(string s) =>
            DateTime.TryParseExact(s.Trim(), IsoDates, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var d)
                ? d : (DateTime?)null;
    }
}
