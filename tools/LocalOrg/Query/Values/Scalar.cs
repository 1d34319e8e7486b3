using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg.Query.Values;

internal enum ScalarKind : byte { Null, Text, Number, Float, Time, Id, Flag }

/// <summary>
/// One comparable value, whatever SDK type carried it: EntityReference compares by Id, OptionSetValue and Money by
/// value, text by <see cref="TextCollation"/>. A struct, so evaluating a condition over 100,000 rows allocates nothing.
/// </summary>
internal readonly struct Scalar
{
    private Scalar(ScalarKind kind, string? text = null, decimal number = 0, double real = 0, DateTime time = default, Guid id = default)
    {
        Kind = kind; Text = text; Number = number; Real = real; Time = time; Id = id;
    }

    public ScalarKind Kind { get; }
    public string? Text { get; }
    public decimal Number { get; }
    public double Real { get; }
    public DateTime Time { get; }
    public Guid Id { get; }
    public bool IsNull => Kind == ScalarKind.Null;

    public static readonly Scalar Null = default;
    public static Scalar OfText(string value) => new(ScalarKind.Text, text: value);
    public static Scalar OfNumber(decimal value) => new(ScalarKind.Number, number: value);
    public static Scalar OfReal(double value) => new(ScalarKind.Float, real: value);
    public static Scalar OfTime(DateTime value) => new(ScalarKind.Time, time: value);
    public static Scalar OfId(Guid value) => new(ScalarKind.Id, id: value);
    public static Scalar OfFlag(bool value) => new(ScalarKind.Flag, number: value ? 1 : 0);

    /// <summary>The comparable form of a value as the SDK carries it (attribute value or condition value).</summary>
    public static Scalar From(object? value) => value switch
    {
        null => Null,
        string s => OfText(s),
        Guid g => OfId(g),
        EntityReference r => OfId(r.Id),
        OptionSetValue o => OfNumber(o.Value),
        Money m => OfNumber(m.Value),
        int i => OfNumber(i),
        long l => OfNumber(l),
        decimal d => OfNumber(d),
        double d => OfReal(d),
        float f => OfReal(f),
        bool b => OfFlag(b),
        DateTime t => OfTime(t),
        Enum e => OfNumber(Convert.ToInt32(e, System.Globalization.CultureInfo.InvariantCulture)),
        AliasedValue a => From(a.Value),
        _ => OfText(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty),
    };

    /// <summary>Total order used by conditions, orders and grouping. Nulls sort first, as in SQL Server.</summary>
    public static int Compare(in Scalar a, in Scalar b)
    {
        if (a.Kind == ScalarKind.Null || b.Kind == ScalarKind.Null)
            return a.Kind == b.Kind ? 0 : a.Kind == ScalarKind.Null ? -1 : 1;
        if (a.Kind == b.Kind)
        {
            return a.Kind switch
            {
                ScalarKind.Text => TextCollation.Compare(a.Text!, b.Text!),
                ScalarKind.Number or ScalarKind.Flag => a.Number.CompareTo(b.Number),
                ScalarKind.Float => a.Real.CompareTo(b.Real),
                ScalarKind.Time => a.Time.CompareTo(b.Time),
                ScalarKind.Id => a.Id.CompareTo(b.Id),
                _ => 0,
            };
        }
        if (a.IsNumeric && b.IsNumeric) return a.AsReal.CompareTo(b.AsReal);
        // Different kinds only meet when metadata gave no type to convert to: compare their text forms.
        return TextCollation.Compare(a.ToString(), b.ToString());
    }

    public static bool AreEqual(in Scalar a, in Scalar b) =>
        a.Kind == ScalarKind.Text && b.Kind == ScalarKind.Text ? TextCollation.Equal(a.Text!, b.Text!) : Compare(a, b) == 0;

    private bool IsNumeric => Kind is ScalarKind.Number or ScalarKind.Float or ScalarKind.Flag;
    private double AsReal => Kind == ScalarKind.Float ? Real : (double)Number;

    public int HashCodeForEquality() => Kind switch
    {
        ScalarKind.Null => 0,
        ScalarKind.Text => TextCollation.HashCode(Text!),
        ScalarKind.Number or ScalarKind.Flag => ((double)Number).GetHashCode(),
        ScalarKind.Float => Real.GetHashCode(),
        ScalarKind.Time => Time.GetHashCode(),
        ScalarKind.Id => Id.GetHashCode(),
        _ => 0,
    };

    /// <summary>"Kind:value" — round-trips through <see cref="FromTypedText"/> (paging cookies).</summary>
    public string ToTypedText() => Kind + ":" + ToString();

    public static Scalar FromTypedText(string text)
    {
        var colon = text.IndexOf(':');
        if (colon < 0 || !Enum.TryParse<ScalarKind>(text.Substring(0, colon), out var kind)) throw new FormatException($"'{text}' is not a typed value.");
        var value = text.Substring(colon + 1);
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        return kind switch
        {
            ScalarKind.Text => OfText(value),
            ScalarKind.Number => OfNumber(decimal.Parse(value, culture)),
            ScalarKind.Flag => OfFlag(value == "1"),
            ScalarKind.Float => OfReal(double.Parse(value, culture)),
            ScalarKind.Time => OfTime(DateTime.Parse(value, culture, System.Globalization.DateTimeStyles.RoundtripKind)),
            ScalarKind.Id => OfId(Guid.Parse(value)),
            _ => Null,
        };
    }

    public override string ToString() => Kind switch
    {
        ScalarKind.Null => string.Empty,
        ScalarKind.Text => Text!,
        ScalarKind.Number or ScalarKind.Flag => Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ScalarKind.Float => Real.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        ScalarKind.Time => Time.ToString("o", System.Globalization.CultureInfo.InvariantCulture),
        ScalarKind.Id => Id.ToString(),
        _ => string.Empty,
    };
}

/// <summary>Equality of scalars as Dataverse sees it (for hash joins, distinct and group by).</summary>
internal sealed class ScalarEquality : IEqualityComparer<Scalar>
{
    public static readonly ScalarEquality Instance = new();
    public bool Equals(Scalar x, Scalar y) => Scalar.AreEqual(x, y);
    public int GetHashCode(Scalar obj) => obj.HashCodeForEquality();
}
