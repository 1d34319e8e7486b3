using System.Globalization;
using System.Text;
using LeadLifecycle.LocalOrg.Query;
using LeadLifecycle.LocalOrg.Query.Values;
using LeadLifecycle.LocalOrg.Storage;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.LocalOrg.Tests.Query;

/// <summary>
/// The local organization answers range conditions (lt, le, gt, ge, between, on, on-or-before, on-or-after, not-null)
/// on date and number columns from ordered indexes — as SQL Server seeks a nonclustered index for a range
/// (learn.microsoft.com/sql/relational-databases/sql-server-index-design-guide) — when they keep a small part of the
/// table, and key-ordered pages give way to those indexes when they leave few rows. An index may only change how fast a
/// query runs: every query here runs against the same rows with indexes on and off
/// (<see cref="LocalOrganizationOptions.UseQueryIndexes"/>) and must return the same rows, values, order and paging —
/// bounds at equal values, empty values, ascending and descending orders with TopCount, pages by number and by cookie,
/// the scheduled work's "earliest due" and the background jobs' "due after the cursor" shapes, and inside an open
/// transaction with its own creates, updates and deletes, before and after commit or rollback.
/// </summary>
public sealed class RangeIndexedQueriesTests
{
    private static readonly DateTime Start = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);
    private const int Leads = 200; // the range limit is an eighth of the table, at least 64: "few" is up to 64 rows here
    private static Guid Lead(int n) => new($"{(n * 7919 % 1000):D8}-0000-0000-0000-{n:D12}"); // created out of key order

    /// <summary>Lead n: due (llc_rescoreon) at one of a few moments — many share one, every 13th has none — and most
    /// far in the future; a score with repeated values; a budget (money) on some.</summary>
    private static Entity LeadRow(int n)
    {
        var lead = new Entity("lead", Lead(n)) { ["subject"] = "Lead " + n, ["llc_score"] = n * 7 % 50 };
        if (n % 13 != 0) lead["llc_rescoreon"] = n % 5 == 0 ? Start.AddHours(n % 4) : Start.AddDays(30 + n % 17).AddMinutes(n);
        if (n % 3 == 0) lead["budgetamount"] = new Money(n * 10.5m);
        return lead;
    }

    private static LocalOrganization Organization(bool indexes)
    {
        var org = LocalOrganization.Create(new LocalOrganizationOptions { StepFilter = _ => false, UseQueryIndexes = indexes, StartUtc = Start });
        org.Initialize(Enumerable.Range(1, Leads).Select(LeadRow).ToList());
        return org;
    }

    private static QueryExpression Where(string column, ConditionOperator op, params object[] values)
    {
        var q = new QueryExpression("lead") { ColumnSet = new ColumnSet("subject", "llc_rescoreon", "llc_score", "budgetamount") };
        q.Criteria.AddCondition(column, op, values);
        return q;
    }

    private static QueryExpression Ordered(QueryExpression q, string column, OrderType direction, int? top = null)
    {
        q.AddOrder(column, direction);
        if (top is int t) q.TopCount = t;
        return q;
    }

    /// <summary>Queries whose range selects few leads (the index serves them) and many (the table is read).</summary>
    private static readonly Dictionary<string, Func<QueryExpression>> Queries = new()
    {
        ["date lt at a shared value"] = () => Where("llc_rescoreon", ConditionOperator.LessThan, Start.AddHours(2)),
        ["date le at a shared value"] = () => Where("llc_rescoreon", ConditionOperator.LessEqual, Start.AddHours(2)),
        ["date gt at a shared value"] = () => Where("llc_rescoreon", ConditionOperator.GreaterThan, Start.AddHours(2)),
        ["date ge at a shared value"] = () => Where("llc_rescoreon", ConditionOperator.GreaterEqual, Start.AddHours(2)),
        ["date ge near the end"] = () => Where("llc_rescoreon", ConditionOperator.GreaterEqual, Start.AddDays(46)),
        ["date gt past every value"] = () => Where("llc_rescoreon", ConditionOperator.GreaterThan, Start.AddYears(1)),
        ["date le before every value"] = () => Where("llc_rescoreon", ConditionOperator.LessEqual, Start.AddYears(-1)),
        ["date le as text"] = () => Where("llc_rescoreon", ConditionOperator.LessEqual, "2026-03-02T10:00:00Z"),
        ["date between"] = () => Where("llc_rescoreon", ConditionOperator.Between, Start.AddHours(1), Start.AddHours(3)),
        ["date between reversed"] = () => Where("llc_rescoreon", ConditionOperator.Between, Start.AddHours(3), Start.AddHours(1)),
        ["date on"] = () => Where("llc_rescoreon", ConditionOperator.On, Start.AddDays(31)),
        ["date on or before"] = () => Where("llc_rescoreon", ConditionOperator.OnOrBefore, Start.AddDays(1)),
        ["date on or after"] = () => Where("llc_rescoreon", ConditionOperator.OnOrAfter, Start.AddDays(45)),
        ["date not null"] = () => Where("llc_rescoreon", ConditionOperator.NotNull),
        ["date null"] = () => Where("llc_rescoreon", ConditionOperator.Null),
        ["whole number lt"] = () => Where("llc_score", ConditionOperator.LessThan, 3),
        ["whole number ge at a shared value"] = () => Where("llc_score", ConditionOperator.GreaterEqual, 48),
        ["whole number between"] = () => Where("llc_score", ConditionOperator.Between, 10, 12),
        ["money le as a number"] = () => Where("budgetamount", ConditionOperator.LessEqual, 126),
        ["money gt as money"] = () => Where("budgetamount", ConditionOperator.GreaterThan, new Money(2000m)),
        ["earliest due, ascending, top"] = () => Ordered(Where("llc_rescoreon", ConditionOperator.NotNull), "llc_rescoreon", OrderType.Ascending, 26),
        ["due, descending, top"] = () => Ordered(Where("llc_rescoreon", ConditionOperator.LessEqual, Start.AddHours(3)), "llc_rescoreon", OrderType.Descending, 5),
        ["due, ascending, top, ties"] = () => Ordered(Where("llc_rescoreon", ConditionOperator.LessEqual, Start.AddHours(3)), "llc_rescoreon", OrderType.Ascending, 7),
        ["earliest due, top, total count asked"] = () =>
        {
            var q = Ordered(Where("llc_rescoreon", ConditionOperator.NotNull), "llc_rescoreon", OrderType.Ascending, 4);
            q.PageInfo = new PagingInfo { ReturnTotalRecordCount = true };
            return q;
        },
        ["earliest due, descending, top"] = () => Ordered(Where("llc_rescoreon", ConditionOperator.NotNull), "llc_rescoreon", OrderType.Descending, 9),
        ["earliest due after a moment, top, ties"] = () => Ordered(Where("llc_rescoreon", ConditionOperator.GreaterEqual, Start.AddHours(1)), "llc_rescoreon", OrderType.Ascending, 12),
        ["earliest due with a filter, top"] = () =>
        {
            var q = Ordered(Where("llc_rescoreon", ConditionOperator.NotNull), "llc_rescoreon", OrderType.Ascending, 6);
            q.Criteria.AddCondition("llc_score", ConditionOperator.GreaterThan, 20);
            q.Criteria.AddCondition("subject", ConditionOperator.NotLike, "%7");
            return q;
        },
        ["largest scores, top, ties"] = () => Ordered(Where("llc_score", ConditionOperator.GreaterEqual, 0), "llc_score", OrderType.Descending, 11),
        ["smallest budgets, top"] = () => Ordered(Where("budgetamount", ConditionOperator.NotNull), "budgetamount", OrderType.Ascending, 5),
        ["ordered top without a range on the column: sorted"] = () => Ordered(Where("llc_score", ConditionOperator.LessThan, 30), "llc_rescoreon", OrderType.Ascending, 5),
        ["two ranges: the smaller is read"] = () =>
        {
            var q = Where("llc_rescoreon", ConditionOperator.NotNull);
            q.Criteria.AddCondition("llc_score", ConditionOperator.LessThan, 5);
            q.Criteria.AddCondition("llc_rescoreon", ConditionOperator.LessEqual, Start.AddDays(40));
            return q;
        },
        ["an or of ranges"] = () =>
        {
            var q = new QueryExpression("lead") { ColumnSet = new ColumnSet("subject"), Criteria = new FilterExpression(LogicalOperator.Or) };
            q.Criteria.AddCondition("llc_rescoreon", ConditionOperator.LessThan, Start.AddHours(1));
            q.Criteria.AddCondition("llc_score", ConditionOperator.GreaterThan, 47);
            return q;
        },
        ["a range and an equality"] = () =>
        {
            var q = Where("llc_rescoreon", ConditionOperator.LessEqual, Start.AddHours(3));
            q.Criteria.AddCondition("statecode", ConditionOperator.Equal, 0);
            return q;
        },
        ["paged by number, ordered by the ranged column"] = () =>
        {
            var q = Ordered(Where("llc_rescoreon", ConditionOperator.LessEqual, Start.AddDays(32)), "llc_rescoreon", OrderType.Ascending);
            q.PageInfo = new PagingInfo { Count = 4, PageNumber = 2, ReturnTotalRecordCount = true };
            return q;
        },
    };

    public static TheoryData<string> QueryNames => new(Queries.Keys);

    private static readonly Lazy<LocalOrganization> Scanning = new(() => Organization(indexes: false));
    private static readonly Lazy<LocalOrganization> Indexing = new(() => Organization(indexes: true));

    [Theory]
    [MemberData(nameof(QueryNames))]
    public void A_range_query_returns_the_same_rows_in_the_same_order_with_or_without_indexes(string name)
    {
        var scanned = Describe(Scanning.Value.GetService().RetrieveMultiple(Queries[name]()));
        var indexed = Describe(Indexing.Value.GetService().RetrieveMultiple(Queries[name]()));

        Assert.Equal(scanned, indexed);
    }

    [Fact]
    public void The_range_queries_select_what_their_operators_say()
    {
        var service = Indexing.Value.GetService();
        int Count(string name) => service.RetrieveMultiple(Queries[name]()).Entities.Count;
        var due = Enumerable.Range(1, Leads).Where(n => n % 13 != 0 && n % 5 == 0).ToList(); // due today, at hour n % 4

        Assert.Equal(due.Count(n => n % 4 < 2), Count("date lt at a shared value"));
        Assert.Equal(due.Count(n => n % 4 <= 2), Count("date le at a shared value"));
        Assert.Equal(Leads - Leads / 13 - due.Count(n => n % 4 <= 2), Count("date gt at a shared value"));
        Assert.Equal(due.Count(n => n % 4 is >= 1 and <= 3), Count("date between"));
        Assert.Equal(0, Count("date between reversed"));
        Assert.Equal(due.Count, Count("date on or before"));
        Assert.Equal(Leads - Leads / 13, Count("date not null"));
        Assert.Equal(Leads / 13, Count("date null"));
        Assert.Equal(0, Count("date gt past every value"));
    }

    [Fact]
    public void A_selective_range_reads_the_rows_its_index_selects_and_a_wide_one_reads_the_table()
    {
        var org = Organization(indexes: true);
        var transaction = new Transaction(org.Store);
        CountingStore Run(QueryExpression query)
        {
            var store = new CountingStore(new TransactionQueryStore(org, transaction));
            QueryEngine.Execute(query, store, new QueryContext(Start, org.DefaultUserId));
            return store;
        }

        var due = Run(Queries["due, descending, top"]());
        Assert.Empty(due.Scanned);
        Assert.Equal(["lead.llc_rescoreon"], due.LookedBy);
        Assert.Equal(["lead.llc_score"], Run(Queries["two ranges: the smaller is read"]()).LookedBy);
        Assert.Equal(["lead.llc_rescoreon|llc_score"], Run(Queries["an or of ranges"]()).LookedBy);
        Assert.Equal(["lead.llc_rescoreon"], Run(Queries["date on or before"]()).LookedBy);

        var earliest = Run(Queries["earliest due, ascending, top"]()); // not-null over most leads, ordered, top: a walk of the index
        Assert.Equal(["lead.llc_rescoreon"], earliest.ValueOrdered);
        Assert.Empty(earliest.Scanned);
        Assert.Equal(["lead.llc_score"], Run(Queries["largest scores, top, ties"]()).ValueOrdered);
        Assert.Empty(Run(Queries["ordered top without a range on the column: sorted"]()).ValueOrdered);

        var wide = Run(Queries["date gt at a shared value"]()); // most of the table: counting stops, the table is read
        Assert.Equal(["lead"], wide.Scanned);
        Assert.Empty(wide.LookedBy);
        Assert.Equal(["lead"], Run(Queries["date not null"]()).Scanned);
    }

    /// <summary>
    /// The background jobs' page query (Plugins/Data/BackgroundJob.NextPage): ids after the cursor, due by a moment, ordered
    /// by id, top N. When few rows are due it reads them from the ordered index, filters and sorts them, instead of
    /// walking the table in key order until the page is full; when many are due it walks in key order. Either way every
    /// page is the one the scan and sort return, ascending and descending, by TopCount, by page number and by cookie.
    /// </summary>
    [Fact]
    public void Due_pages_after_a_cursor_read_the_index_when_few_rows_are_due_and_return_what_the_scan_returns()
    {
        var scanned = PagingStory(Organization(indexes: false), out _, out _);
        var indexed = PagingStory(Organization(indexes: true), out var keyOrdered, out var looked);

        Assert.Equal(scanned.Count, indexed.Count);
        for (var i = 0; i < scanned.Count; i++) Assert.Equal(scanned[i], indexed[i]);
        Assert.Contains("lead.llc_rescoreon", looked);   // few due: the index
        Assert.Contains("lead", keyOrdered);            // many due: key order
    }

    private static List<string> PagingStory(LocalOrganization org, out List<string> keyOrdered, out List<string> looked)
    {
        var user = org.DefaultUserId;
        var views = new List<string>();
        var ordered = new List<string>();
        var lookups = new List<string>();
        QueryExpression Page(DateTime dueBy, OrderType direction, int? top, ConditionOperator? op = null, Guid? cursor = null)
        {
            var q = new QueryExpression("lead") { ColumnSet = new ColumnSet("subject", "llc_rescoreon") };
            if (op is { } o) q.Criteria.AddCondition("leadid", o, cursor!.Value);
            q.Criteria.AddCondition("llc_rescoreon", ConditionOperator.LessEqual, dueBy);
            q.AddOrder("leadid", direction);
            if (top is int t) q.TopCount = t;
            return q;
        }
        EntityCollection Run(Transaction transaction, QueryExpression query, string label)
        {
            var store = new CountingStore(new TransactionQueryStore(org, transaction));
            var result = QueryEngine.Execute(query, store, new QueryContext(Start, user));
            ordered.AddRange(store.KeyOrdered);
            lookups.AddRange(store.LookedBy);
            views.Add($"{label}: more={result.MoreRecords} total={result.TotalRecordCount} " + Describe(result));
            return result;
        }
        void Look(Transaction transaction, string when)
        {
            foreach (var dueBy in new[] { Start.AddHours(2), Start.AddDays(40) }) // few due, then most
            foreach (var direction in new[] { OrderType.Ascending, OrderType.Descending })
            {
                var op = direction == OrderType.Ascending ? ConditionOperator.GreaterThan : ConditionOperator.LessThan;
                Guid? cursor = null;
                for (var page = 0; page < 60; page++)
                {
                    var result = Run(transaction, Page(dueBy, direction, 5, cursor is null ? null : op, cursor), $"{when} {dueBy:o} {direction} top page {page}");
                    if (result.Entities.Count < 5) break;
                    cursor = result.Entities[^1].Id;
                }
                string? cookie = null;
                for (var number = 1; number <= 60; number++)
                {
                    var q = Page(dueBy, direction, null);
                    q.PageInfo = new PagingInfo { Count = 4, PageNumber = number, PagingCookie = cookie };
                    var result = Run(transaction, q, $"{when} {dueBy:o} {direction} cookie page {number}");
                    if (!result.MoreRecords) break;
                    cookie = result.PagingCookie;
                }
                var byNumber = Page(dueBy, direction, null);
                byNumber.PageInfo = new PagingInfo { Count = 3, PageNumber = 2 };
                Run(transaction, byNumber, $"{when} {dueBy:o} {direction} page 2 by number");
            }
        }

        Look(new Transaction(org.Store), "committed");
        var open = new Transaction(org.Store);
        Write(org, open);
        Look(open, "inside");
        open.Commit();
        Look(new Transaction(org.Store), "after commit");
        keyOrdered = ordered;
        looked = lookups;
        return views;
    }

    /// <summary>Writes that move rows into and out of the ranges queried: creates (one at a shared moment, one with no
    /// moment), an update into range, one out of it, one emptying the column, one of another column only, deletes.</summary>
    private static void Write(LocalOrganization org, Transaction open)
    {
        var user = org.DefaultUserId;
        org.Writer.Create(open, new Entity("lead", new Guid("00000400-0000-0000-0000-000000000001")) { ["subject"] = "New due", ["llc_rescoreon"] = Start.AddHours(2), ["llc_score"] = 1 }, user);
        org.Writer.Create(open, new Entity("lead", Guid.Parse("ffffffff-0000-0000-0000-000000000000")) { ["subject"] = "New undated", ["llc_score"] = 49 }, user);
        org.Writer.Create(open, new Entity("lead", Guid.Parse("00000001-0000-0000-0000-000000000000")) { ["subject"] = "New later", ["llc_rescoreon"] = Start.AddDays(35), ["budgetamount"] = new Money(1m) }, user);
        org.Writer.Update(open, new Entity("lead", Lead(7)) { ["llc_rescoreon"] = Start.AddHours(1) }, user, ConcurrencyBehavior.Default);   // into range
        org.Writer.Update(open, new Entity("lead", Lead(10)) { ["llc_rescoreon"] = Start.AddDays(50) }, user, ConcurrencyBehavior.Default);  // out of it
        org.Writer.Update(open, new Entity("lead", Lead(15)) { ["llc_rescoreon"] = null, ["llc_score"] = 0 }, user, ConcurrencyBehavior.Default); // emptied
        org.Writer.Update(open, new Entity("lead", Lead(20)) { ["subject"] = "Renamed" }, user, ConcurrencyBehavior.Default);               // other column
        org.Writer.Delete(open, "lead", Lead(25), null, ConcurrencyBehavior.Default);
        org.Writer.Delete(open, "lead", Lead(31), null, ConcurrencyBehavior.Default);
    }

    /// <summary>Every range query inside an open transaction (its own writes seen, through indexes built before and kept
    /// in step after), by a reader outside (committed rows only), and after commit or rollback: as the scan returns.</summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Writes_inside_an_open_transaction_are_range_queried_the_same_way_with_or_without_indexes(bool commit)
    {
        var scanned = TransactionStory(indexes: false, commit);
        var indexed = TransactionStory(indexes: true, commit);

        Assert.Equal(scanned.Count, indexed.Count);
        for (var i = 0; i < scanned.Count; i++) Assert.Equal(scanned[i], indexed[i]);
        Assert.Contains("New due", indexed[1]);
        Assert.DoesNotContain("New due", indexed[2]);
        Assert.Equal(commit, indexed[^1].Contains("New due"));
    }

    private static List<string> TransactionStory(bool indexes, bool commit)
    {
        var org = Organization(indexes);
        string Look(Transaction transaction)
        {
            var store = new TransactionQueryStore(org, transaction);
            var text = new StringBuilder();
            foreach (var (name, query) in Queries)
                text.Append(name).Append(": ").AppendLine(Describe(QueryEngine.Execute(query(), store, new QueryContext(Start, org.DefaultUserId))));
            return text.ToString();
        }
        var views = new List<string>();
        var open = new Transaction(org.Store);
        views.Add(Look(open));                            // 0: committed indexes built
        Write(org, open);
        views.Add(Look(open));                            // 1: the transaction's own writes
        var outside = new Transaction(org.Store);
        views.Add(Look(outside));                         // 2: committed rows only
        outside.Rollback();
        if (commit) open.Commit(); else open.Rollback();
        views.Add(Look(new Transaction(org.Store)));      // 3: committed indexes in step
        return views;
    }

    [Fact]
    public void An_ordered_index_answers_only_what_it_can_compare_exactly()
    {
        var index = new RangeIndex();
        index.Add(Guid.NewGuid(), Start);
        index.Add(Guid.NewGuid(), Start.AddDays(1));
        var beforeTomorrow = new ValueRange(Scalar.Null, false, Scalar.OfTime(Start.AddDays(1)), false);

        Assert.Equal(1, index.CountIn(beforeTomorrow, 10));
        Assert.Null(index.CountIn(beforeTomorrow, 0));                                                   // more than the limit: read the table
        Assert.Null(index.CountIn(new ValueRange(Scalar.OfText("a"), true, Scalar.Null, false), 10));     // text is not ordered by it
        Assert.Null(index.CountIn(new ValueRange(Scalar.OfNumber(1), true, Scalar.Null, false), 10));     // a number against dates: compared by text
        index.Add(Guid.NewGuid(), "2026-03-01");                                                        // a second kind in the column
        Assert.Null(index.CountIn(beforeTomorrow, 10));                                                  // the engine compares it by text: scan
        Assert.Equal(1, index.CountIn(beforeTomorrow with { OtherKindsNeverMatch = true }, 10));          // a date window keeps dates only
        Assert.Equal(3, index.CountIn(ValueRange.AnyValue, 10));                                        // not-null: any kind
        Assert.Null(index.CountIn(new ValueRange(Scalar.OfTime(Start), true, Scalar.OfNumber(5), true), 10)); // bounds of two kinds
    }

    private static string Describe(EntityCollection result)
    {
        var text = new StringBuilder();
        foreach (var row in result.Entities)
        {
            text.Append(row.Id).Append(" {");
            foreach (var (name, value) in row.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal))
                text.Append(name).Append('=').Append(value switch
                {
                    null => "null",
                    DateTime d => d.ToString("o", CultureInfo.InvariantCulture),
                    Money m => m.Value.ToString(CultureInfo.InvariantCulture),
                    EntityReference r => r.LogicalName,
                    OptionSetValue o => o.Value.ToString(CultureInfo.InvariantCulture),
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                    _ => value.ToString(),
                }).Append("; ");
            text.AppendLine("}");
        }
        text.Append($"more={result.MoreRecords} total={result.TotalRecordCount} limit={result.TotalRecordCountLimitExceeded} cookie={result.PagingCookie}");
        return text.ToString();
    }

    /// <summary>Records which tables a query scanned whole, looked up by index, or walked in key order.</summary>
    private sealed class CountingStore(IIndexedQueryableStore inner) : IIndexedQueryableStore
    {
        public List<string> Scanned { get; } = new();
        public List<string> LookedBy { get; } = new();
        public List<string> KeyOrdered { get; } = new();

        public IEnumerable<Entity> Rows(string logicalName)
        {
            Scanned.Add(logicalName);
            return inner.Rows(logicalName);
        }

        public TableMetadataView? Table(string logicalName) => inner.Table(logicalName);

        public int? CountMatching(string logicalName, IReadOnlyList<IndexLookup> anyOf) => inner.CountMatching(logicalName, anyOf);

        public IEnumerable<Entity>? RowsMatching(string logicalName, IReadOnlyList<IndexLookup> anyOf)
        {
            var rows = inner.RowsMatching(logicalName, anyOf);
            if (rows is not null) LookedBy.Add(logicalName + "." + string.Join("|", anyOf.Select(l => l.Attribute)));
            return rows;
        }

        public IEnumerable<Entity>? RowsInKeyOrder(string logicalName, Guid? from, bool descending)
        {
            var rows = inner.RowsInKeyOrder(logicalName, from, descending);
            if (rows is not null) KeyOrdered.Add(logicalName);
            return rows;
        }

        public List<string> ValueOrdered { get; } = new();

        public IEnumerable<IReadOnlyList<Entity>>? RowGroupsInValueOrder(string logicalName, string column, ValueRange range, bool descending)
        {
            var groups = inner.RowGroupsInValueOrder(logicalName, column, range, descending);
            if (groups is not null) ValueOrdered.Add(logicalName + "." + column);
            return groups;
        }
    }
}
