namespace LeadLifecycle.SolutionModel;

/// <summary>Option values the solution adds where other solutions add values too — standard columns and global
/// choices — must use the publisher's option value prefix (prefix × 10000 … prefix × 10000 + 9999), so they never
/// collide with Microsoft's or another publisher's. Local choices of the solution's own columns (e.g. a grade that
/// mirrors the standard Rating 1/2/3) belong to that column alone and are not checked.</summary>
internal static class OptionValueRules
{
    /// <summary>Microsoft's own values on standard columns are small; anything above is an addition by a publisher.</summary>
    private const int LargestStandardValue = 9999;

    public static void Check(CheckContext c)
    {
        var prefix = c.Solution.Publisher.OptionValuePrefix;
        var (low, high) = (prefix * 10000L, prefix * 10000L + 9999);
        foreach (var set in c.Solution.GlobalOptionSets)
            foreach (var option in set.Options.Where(o => o.Value < low || o.Value > high))
                c.Error("option-value-prefix", $"choice {set.Name}", $"option {option.Value} '{option.Label}' is outside the publisher's range {low}–{high}");

        foreach (var table in c.Solution.Tables)
            foreach (var column in table.Columns.Where(col => !col.IsCustom && col.OptionSetName is null && col.Type is ColumnType.Picklist or ColumnType.Status))
                foreach (var option in (column.Options ?? []).Where(o => o.Value > LargestStandardValue && (o.Value < low || o.Value > high)))
                    c.Error("option-value-prefix", $"{table.LogicalName}.{column.LogicalName}", $"option {option.Value} '{option.Label}' is outside the publisher's range {low}–{high}");
    }
}
