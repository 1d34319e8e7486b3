using System.Globalization;
using System.Text;
using LeadLifecycle.LocalOrg.Query;
using LeadLifecycle.LocalOrg.Query.Values;
using LeadLifecycle.LocalOrg.Storage;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.LocalOrg.Tests.Query;

/// <summary>
/// The local organization answers equality (eq / in) conditions and joins from indexes instead of scanning tables.
/// An index may only change how fast a query runs: every query here runs against the same rows twice — indexes on and
/// off (<see cref="LocalOrganizationOptions.UseQueryIndexes"/>) — and must return the same rows, values and order,
/// paging and aggregates included; case and accent differences (the organization's collation), empty values, updates
/// that move a row from one indexed value to another, deletes, rows written inside an open transaction and alternate keys.
/// </summary>
public sealed class IndexedAndScannedQueriesTests
{
    private static readonly DateTime Start = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);
    private static Guid Id(int table, int n) => new($"{table:D8}-0000-0000-0000-{n:D12}");
    private static readonly Guid Contoso = Id(1, 1), Fabrikam = Id(1, 2), Empty = Id(1, 3);
    private static Guid Contact(int n) => Id(2, n);
    private static Guid Lead(int n) => Id(3, n);

    private static readonly (string First, string? Email, Guid? Account, bool Active)[] People =
    [
        ("Ana", "ana@contoso.com", Contoso, true),
        ("ANA", "ANA@CONTOSO.COM", Fabrikam, true),  // the same address in other case: one collation, one value
        ("José", "jose@fabrikam.com", Fabrikam, true),
        ("Jose", "josé@fabrikam.com", null, true),   // differs by an accent only: equal under the _CI_AI collation
        ("Ben", null, Contoso, true),
        ("Chen", "chen@contoso.com", Contoso, false),
        ("Dara", "dara@contoso.com ", Contoso, true), // trailing space
        ("Emil", "emil@fabrikam.com", null, false),
        ("Fatima", "fatima@contoso.com", Fabrikam, true),
        ("Goran", "", Contoso, true),
    ];

    private static LocalOrganization Organization(bool indexes)
    {
        var org = LocalOrganization.Create(new LocalOrganizationOptions { StepFilter = _ => false, UseQueryIndexes = indexes, StartUtc = Start });
        var rows = new List<Entity>
        {
            new("account", Contoso) { ["name"] = "Contoso", ["numberofemployees"] = 250 },
            new("account", Fabrikam) { ["name"] = "Fabrikam", ["numberofemployees"] = 40 },
            new("account", Empty) { ["name"] = "Empty" },
        };
        for (var i = 0; i < People.Length; i++)
        {
            var (first, email, account, active) = People[i];
            var contact = new Entity("contact", Contact(i)) { ["firstname"] = first, ["lastname"] = "Person " + i };
            if (email is not null) contact["emailaddress1"] = email;
            if (account is Guid a) contact["parentcustomerid"] = new EntityReference("account", a);
            if (!active) { contact["statecode"] = new OptionSetValue(1); contact["statuscode"] = new OptionSetValue(2); }
            rows.Add(contact);
        }
        for (var i = 0; i < 14; i++)
        {
            var lead = new Entity("lead", Lead(i)) { ["subject"] = $"Interest {i % 5}", ["llc_score"] = i * 7 % 30 };
            if (i % 3 != 2) lead["parentcontactid"] = new EntityReference("contact", Contact(i % People.Length));
            if (i % 4 == 0) lead["parentaccountid"] = new EntityReference("account", i % 8 == 0 ? Contoso : Fabrikam);
            rows.Add(lead);
        }
        rows.Add(new Entity("llc_marketingform", Id(4, 1)) { ["llc_name"] = "Webinar", ["llc_formid"] = "Webinar-2026" });
        rows.Add(new Entity("llc_marketingform", Id(4, 2)) { ["llc_name"] = "Trial", ["llc_formid"] = "trial" });
        org.Initialize(rows);
        return org;
    }

    /// <summary>The queries both organizations answer; each one keeps rows by an equality the indexes can serve.</summary>
    public static TheoryData<string> QueryNames => new(Queries.Keys);

    private static readonly Dictionary<string, Func<QueryBase>> Queries = new()
    {
        ["text eq, other case"] = () => Where("contact", "emailaddress1", ConditionOperator.Equal, "Ana@Contoso.com"),
        ["text eq, other accent"] = () => Where("contact", "emailaddress1", ConditionOperator.Equal, "jose@fabrikam.com"),
        ["text eq, trailing space"] = () => Where("contact", "emailaddress1", ConditionOperator.Equal, "dara@contoso.com"),
        ["text eq, no row"] = () => Where("contact", "emailaddress1", ConditionOperator.Equal, "nobody@contoso.com"),
        ["text in"] = () => Where("contact", "firstname", ConditionOperator.In, "ana", "jose", "Fatima"),
        ["lookup eq by guid"] = () => Where("contact", "parentcustomerid", ConditionOperator.Equal, Contoso),
        ["lookup eq by reference"] = () => Where("lead", "parentcontactid", ConditionOperator.Equal, new EntityReference("contact", Contact(0))),
        ["lookup eq by text"] = () => Where("contact", "parentcustomerid", ConditionOperator.Equal, Fabrikam.ToString("B")),
        ["lookup in"] = () => Where("lead", "parentcontactid", ConditionOperator.In, Contact(1), Contact(2), Contact(9)),
        ["lookup eq, no child"] = () => Where("contact", "parentcustomerid", ConditionOperator.Equal, Empty),
        ["primary key eq"] = () => Where("contact", "contactid", ConditionOperator.Equal, Contact(3)),
        ["primary key in"] = () => Where("lead", "leadid", ConditionOperator.In, Lead(5), Lead(1), Lead(40)),
        ["choice eq as option"] = () => Where("contact", "statecode", ConditionOperator.Equal, new OptionSetValue(1)),
        ["choice eq as number"] = () => Where("contact", "statecode", ConditionOperator.Equal, 0),
        ["whole number eq"] = () => Where("lead", "llc_score", ConditionOperator.Equal, 14),
        ["alternate key column eq, other case"] = () => Where("llc_marketingform", "llc_formid", ConditionOperator.Equal, "WEBINAR-2026"),
        ["two equalities and a range"] = () =>
        {
            var q = Where("contact", "statecode", ConditionOperator.Equal, 0);
            q.Criteria.AddCondition("parentcustomerid", ConditionOperator.Equal, Contoso);
            q.Criteria.AddCondition("firstname", ConditionOperator.GreaterThan, "B");
            return q;
        },
        ["equality inside a nested and"] = () =>
        {
            var q = new QueryExpression("lead") { ColumnSet = new ColumnSet(true) };
            var and = new FilterExpression(LogicalOperator.And);
            and.AddCondition("parentcontactid", ConditionOperator.Equal, Contact(4));
            q.Criteria.AddFilter(and);
            return q;
        },
        ["open leads of a contact or of accounts: a union of lookups"] = () =>
        {
            var q = Where("lead", "statecode", ConditionOperator.Equal, 0);
            var parents = q.Criteria.AddFilter(LogicalOperator.Or);
            parents.AddCondition("parentcontactid", ConditionOperator.Equal, Contact(0));
            parents.AddCondition("parentaccountid", ConditionOperator.In, Fabrikam, Empty);
            return q;
        },
        ["or of the primary key and a lookup"] = () =>
        {
            var q = new QueryExpression("lead") { ColumnSet = new ColumnSet("subject"), Criteria = new FilterExpression(LogicalOperator.Or) };
            q.Criteria.AddCondition("leadid", ConditionOperator.Equal, Lead(2));
            q.Criteria.AddCondition("parentcontactid", ConditionOperator.Equal, Contact(1));
            q.Criteria.AddCondition("leadid", ConditionOperator.Equal, Lead(1)); // also a child of Contact(1): found once
            return q;
        },
        ["equality under an or is not a lookup"] = () =>
        {
            var q = new QueryExpression("contact") { ColumnSet = new ColumnSet("firstname") };
            var or = new FilterExpression(LogicalOperator.Or);
            or.AddCondition("parentcustomerid", ConditionOperator.Equal, Contoso);
            or.AddCondition("emailaddress1", ConditionOperator.Null);
            q.Criteria.AddFilter(or);
            return q;
        },
        ["ordered and paged with a cookie"] = () =>
        {
            var q = Where("lead", "parentaccountid", ConditionOperator.In, Contoso, Fabrikam);
            q.AddOrder("subject", OrderType.Descending);
            q.PageInfo = new PagingInfo { Count = 2, PageNumber = 1, ReturnTotalRecordCount = true };
            return q;
        },
        ["top count"] = () =>
        {
            var q = Where("contact", "statecode", ConditionOperator.Equal, 0);
            q.TopCount = 3;
            return q;
        },
        ["join by lookup with link criteria and outer join"] = () =>
        {
            var q = Where("lead", "llc_score", ConditionOperator.In, 0, 7, 14, 21, 28);
            var contact = q.AddLink("contact", "parentcontactid", "contactid", JoinOperator.LeftOuter);
            contact.EntityAlias = "c";
            contact.Columns = new ColumnSet("emailaddress1", "parentcustomerid");
            contact.LinkCriteria.AddCondition("statecode", ConditionOperator.Equal, 0);
            var account = contact.AddLink("account", "parentcustomerid", "accountid", JoinOperator.Inner);
            account.EntityAlias = "a";
            account.Columns = new ColumnSet("name");
            q.AddOrder("llc_score", OrderType.Ascending);
            return q;
        },
        ["join from the referenced side (children)"] = () =>
        {
            var q = Where("account", "name", ConditionOperator.In, "contoso", "FABRIKAM", "Empty");
            var contacts = q.AddLink("contact", "accountid", "parentcustomerid", JoinOperator.Inner);
            contacts.EntityAlias = "c";
            contacts.Columns = new ColumnSet("firstname");
            contacts.LinkCriteria.AddCondition("emailaddress1", ConditionOperator.Equal, "ANA@contoso.com");
            return q;
        },
        // The process-flow shape: every row of the linked table shares the join key (each lead's instance of one process),
        // and the link criteria's equality selects the few that may join; the index reads those, not every row of the key.
        ["outer join whose link criteria select fewer rows than its key"] = () =>
        {
            var q = Where("account", "name", ConditionOperator.In, "Contoso", "Fabrikam", "Empty");
            var leads = q.AddLink("lead", "accountid", "parentaccountid", JoinOperator.LeftOuter);
            leads.EntityAlias = "l";
            leads.Columns = new ColumnSet("subject", "llc_score");
            leads.LinkCriteria.AddCondition("parentcontactid", ConditionOperator.Equal, Contact(0));
            leads.Orders.Add(new OrderExpression("subject", OrderType.Ascending));
            q.AddOrder("name", OrderType.Ascending);
            return q;
        },
        ["inner join whose link criteria mix an equality and a range"] = () =>
        {
            var q = Where("contact", "parentcustomerid", ConditionOperator.In, Contoso, Fabrikam);
            var leads = q.AddLink("lead", "contactid", "parentcontactid", JoinOperator.Inner);
            leads.EntityAlias = "l";
            leads.Columns = new ColumnSet("subject");
            leads.LinkCriteria.AddCondition("subject", ConditionOperator.Equal, "INTEREST 1");
            leads.LinkCriteria.AddCondition("llc_score", ConditionOperator.GreaterThan, 0);
            return q;
        },
        ["outer join whose link criteria are an or of lookups"] = () =>
        {
            var q = Where("account", "name", ConditionOperator.Equal, "contoso");
            var contacts = q.AddLink("contact", "accountid", "parentcustomerid", JoinOperator.LeftOuter);
            contacts.EntityAlias = "c";
            contacts.Columns = new ColumnSet("firstname");
            contacts.LinkCriteria.FilterOperator = LogicalOperator.Or;
            contacts.LinkCriteria.AddCondition("contactid", ConditionOperator.Equal, Contact(0));
            contacts.LinkCriteria.AddCondition("emailaddress1", ConditionOperator.Equal, "CHEN@contoso.com");
            return q;
        },
        ["outer join whose link criteria select no row"] = () =>
        {
            var q = Where("account", "name", ConditionOperator.In, "Contoso", "Fabrikam");
            var leads = q.AddLink("lead", "accountid", "parentaccountid", JoinOperator.LeftOuter);
            leads.EntityAlias = "l";
            leads.Columns = new ColumnSet("subject");
            leads.LinkCriteria.AddCondition("parentcontactid", ConditionOperator.Equal, Guid.NewGuid());
            return q;
        },
        ["distinct"] = () =>
        {
            var q = new QueryExpression("lead") { ColumnSet = new ColumnSet("subject"), Distinct = true };
            q.Criteria.AddCondition("parentaccountid", ConditionOperator.Equal, Fabrikam);
            return q;
        },
        ["fetch aggregate grouped"] = () => new FetchExpression("""
            <fetch aggregate="true">
              <entity name="lead">
                <attribute name="leadid" alias="leads" aggregate="count" />
                <attribute name="llc_score" alias="total" aggregate="sum" />
                <attribute name="subject" alias="subject" groupby="true" />
                <filter><condition attribute="parentaccountid" operator="in"><value>{00000001-0000-0000-0000-000000000001}</value><value>00000001-0000-0000-0000-000000000002</value></condition></filter>
                <order alias="subject" />
              </entity>
            </fetch>
            """),
        ["fetch with link-entity filter"] = () => new FetchExpression("""
            <fetch>
              <entity name="contact">
                <attribute name="firstname" />
                <filter><condition attribute="statecode" operator="eq" value="0" /></filter>
                <link-entity name="account" from="accountid" to="parentcustomerid" alias="a">
                  <filter><condition attribute="name" operator="eq" value="CONTOSO" /></filter>
                </link-entity>
              </entity>
            </fetch>
            """),
    };

    private static QueryExpression Where(string table, string column, ConditionOperator op, params object[] values)
    {
        var q = new QueryExpression(table) { ColumnSet = new ColumnSet(true) };
        q.Criteria.AddCondition(column, op, values);
        return q;
    }

    // Read-only queries share one organization of each kind (the tests that write make their own).
    private static readonly Lazy<LocalOrganization> Scanning = new(() => Organization(indexes: false));
    private static readonly Lazy<LocalOrganization> Indexing = new(() => Organization(indexes: true));

    [Theory]
    [MemberData(nameof(QueryNames))]
    public void A_query_returns_the_same_rows_in_the_same_order_with_or_without_indexes(string name)
    {
        var scanned = Describe(Scanning.Value.GetService().RetrieveMultiple(Queries[name]()));
        var indexed = Describe(Indexing.Value.GetService().RetrieveMultiple(Queries[name]()));

        Assert.Equal(scanned, indexed);
    }

    [Fact]
    public void The_queries_select_what_the_collation_says()
    {
        var service = Indexing.Value.GetService();
        string[] First(string query) => service.RetrieveMultiple(Queries[query]()).Entities.Select(e => e.GetAttributeValue<string>("firstname")).ToArray();

        Assert.Equal(["Ana", "ANA"], First("text eq, other case"));
        Assert.Equal(["José", "Jose"], First("text eq, other accent"));
        Assert.Equal(["Ana", "ANA", "José", "Jose", "Fatima"], First("text in"));
        Assert.Equal(["Ana", "Ben", "Chen", "Dara", "Goran"], First("lookup eq by guid")); // in the order the rows were created
        Assert.Empty(First("lookup eq, no child"));
        Assert.Equal(["Jose"], First("primary key eq"));
    }

    [Fact]
    public void An_indexed_query_reads_only_the_rows_its_equality_selects()
    {
        var org = Organization(indexes: true);
        var transaction = new Transaction(org.Store);
        var store = new CountingStore(new TransactionQueryStore(org, transaction));
        var query = (QueryExpression)Queries["join by lookup with link criteria and outer join"]();

        var result = QueryEngine.Execute(query, store, new QueryContext(Start, org.DefaultUserId));

        Assert.NotEmpty(result.Entities);
        Assert.Empty(store.Scanned);                      // neither lead nor contact nor account was scanned
        Assert.Equal(["lead", "contact", "account"], store.Looked);

        var scanning = new CountingStore(new TransactionQueryStore(org, transaction) { UseIndexes = false });
        QueryEngine.Execute(query, scanning, new QueryContext(Start, org.DefaultUserId));
        Assert.Equal(["lead", "contact", "account"], scanning.Scanned);

        var union = new CountingStore(new TransactionQueryStore(org, transaction));
        QueryEngine.Execute(Queries["open leads of a contact or of accounts: a union of lookups"](), union, new QueryContext(Start, org.DefaultUserId));
        Assert.Empty(union.Scanned);
        var notAllLookups = new CountingStore(new TransactionQueryStore(org, transaction));
        QueryEngine.Execute(Queries["equality under an or is not a lookup"](), notAllLookups, new QueryContext(Start, org.DefaultUserId));
        Assert.Equal(["contact"], notAllLookups.Scanned);
    }

    [Fact]
    public void A_join_reads_the_rows_its_link_criteria_select_when_they_are_fewer_than_the_rows_of_its_key()
    {
        var org = Organization(indexes: true);
        var store = new CountingStore(new TransactionQueryStore(org, new Transaction(org.Store)));
        var query = (QueryExpression)Queries["outer join whose link criteria select fewer rows than its key"]();

        var result = QueryEngine.Execute(query, store, new QueryContext(Start, org.DefaultUserId));

        Assert.Equal(3, result.Entities.Count); // Contoso with Contact(0)'s lead, Fabrikam and Empty without one
        Assert.Empty(store.Scanned);
        Assert.Equal(["account.name", "lead.parentcontactid"], store.LookedBy);

        // Where the join key selects fewer rows than the link criteria, the key is looked up.
        var byKey = new CountingStore(new TransactionQueryStore(org, new Transaction(org.Store)));
        QueryEngine.Execute(Queries["join by lookup with link criteria and outer join"](), byKey, new QueryContext(Start, org.DefaultUserId));
        Assert.Equal(["lead.llc_score", "contact.contactid", "account.accountid"], byKey.LookedBy);
    }

    /// <summary>
    /// Inside an open transaction: its own creates, updates that move a row to another indexed value (or empty it) and
    /// deletes are seen by its queries, through indexes built before and kept in step after; readers outside see only
    /// committed rows; after commit (or rollback) the committed indexes are in step too.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Writes_inside_an_open_transaction_are_queried_the_same_way_with_or_without_indexes(bool commit)
    {
        var scanned = TransactionStory(indexes: false, commit);
        var indexed = TransactionStory(indexes: true, commit);

        Assert.Equal(scanned, indexed);
        Assert.Contains("Zed", indexed[2]);                 // the transaction sees the contact it created...
        Assert.DoesNotContain("Zed", indexed[3]);           // ...a reader outside does not
        Assert.Equal(commit, indexed[^1].Contains("Zed"));  // and after commit everyone does (after rollback nobody)
    }

    private static List<string> TransactionStory(bool indexes, bool commit)
    {
        var org = Organization(indexes);
        var user = org.DefaultUserId;
        var views = new List<string>();
        string Look(Transaction transaction)
        {
            var store = new TransactionQueryStore(org, transaction);
            var text = new StringBuilder();
            foreach (var (name, query) in Queries)
                text.Append(name).Append(": ").AppendLine(Describe(QueryEngine.Execute(query(), store, new QueryContext(Start, user))));
            return text.ToString();
        }

        var open = new Transaction(org.Store);
        views.Add(Look(open));                                                     // 0: indexes built on the committed rows
        org.Writer.Create(open, new Entity("contact", Contact(50))
        {
            ["firstname"] = "Zed", ["emailaddress1"] = "ana@CONTOSO.com", ["parentcustomerid"] = new EntityReference("account", Empty),
        }, user);
        org.Writer.Update(open, new Entity("contact", Contact(0)) { ["parentcustomerid"] = new EntityReference("account", Fabrikam), ["emailaddress1"] = null }, user, ConcurrencyBehavior.Default);
        org.Writer.Update(open, new Entity("lead", Lead(3)) { ["parentcontactid"] = new EntityReference("contact", Contact(50)), ["llc_score"] = 14 }, user, ConcurrencyBehavior.Default);
        org.Writer.Delete(open, "contact", Contact(2), null, ConcurrencyBehavior.Default);
        views.Add(Look(open));                                                     // 1: own indexes built after writes
        org.Writer.Update(open, new Entity("contact", Contact(9)) { ["emailaddress1"] = "JOSE@fabrikam.com", ["firstname"] = "Zed" }, user, ConcurrencyBehavior.Default);
        org.Writer.Delete(open, "lead", Lead(1), null, ConcurrencyBehavior.Default);
        org.Writer.Create(open, new Entity("lead", Lead(60)) { ["subject"] = "Interest 1", ["parentcontactid"] = new EntityReference("contact", Contact(0)), ["parentaccountid"] = new EntityReference("account", Fabrikam) }, user);
        views.Add(Look(open));                                                     // 2: own indexes kept in step
        var outside = new Transaction(org.Store);
        views.Add(Look(outside));                                                  // 3: committed rows only
        if (commit) open.Commit(); else open.Rollback();
        outside.Rollback();
        views.Add(Look(new Transaction(org.Store)));                               // 4: committed indexes in step
        return views;
    }

    [Fact]
    public void Alternate_keys_are_unique_case_insensitively_inside_and_outside_a_transaction()
    {
        var org = Organization(indexes: true);
        var table = org.Metadata.Get("llc_marketingform");
        var user = org.DefaultUserId;
        Guid? Holder(Transaction t, string formId) => org.Writer.FindByKeys(t, table, new KeyAttributeCollection { ["llc_formid"] = formId });

        var open = new Transaction(org.Store);
        Assert.Equal(Id(4, 1), Holder(open, "WEBINAR-2026"));
        Assert.Throws<DataverseFault>(() => org.Writer.Create(open, new Entity("llc_marketingform") { ["llc_name"] = "Copy", ["llc_formid"] = "webinar-2026" }, user));

        // Renaming the committed form's key inside the transaction frees the old value for a new form in the same transaction.
        org.Writer.Update(open, new Entity("llc_marketingform", Id(4, 1)) { ["llc_formid"] = "webinar-2025" }, user, ConcurrencyBehavior.Default);
        var replacement = org.Writer.Create(open, new Entity("llc_marketingform") { ["llc_name"] = "New webinar", ["llc_formid"] = "Webinar-2026" }, user);
        // A deleted form's key value is free again; a created one's is taken.
        org.Writer.Delete(open, "llc_marketingform", Id(4, 2), null, ConcurrencyBehavior.Default);
        var trial = org.Writer.Create(open, new Entity("llc_marketingform") { ["llc_name"] = "Trial again", ["llc_formid"] = "TRIAL" }, user);
        Assert.Throws<DataverseFault>(() => org.Writer.Create(open, new Entity("llc_marketingform") { ["llc_name"] = "Third", ["llc_formid"] = "Trial" }, user));

        Assert.Equal(replacement, Holder(open, "webinar-2026"));
        Assert.Equal(Id(4, 1), Holder(open, "WEBINAR-2025"));
        Assert.Equal(trial, Holder(open, "trial"));
        Assert.Equal(Id(4, 1), org.Writer.FindByKeys(new Transaction(org.Store), table, new KeyAttributeCollection { ["llc_formid"] = "webinar-2026" }));

        open.Commit();
        var after = new Transaction(org.Store);
        Assert.Equal(replacement, Holder(after, "WEBINAR-2026"));
        Assert.Equal(Id(4, 1), Holder(after, "webinar-2025"));
        Assert.Equal(trial, Holder(after, "Trial"));
        Assert.Equal("New webinar", org.GetService().Retrieve("llc_marketingform", replacement, new ColumnSet("llc_name"))["llc_name"]);
    }

    /// <summary>
    /// Paging through a table by its primary key — the background jobs' page query: ids greater than the cursor, ordered by
    /// id, top N (Plugins/Data/BackgroundJob.NextPage) — is served from the table's key-ordered ids, reading a page, not
    /// every row sorted. Ids here are created out of key order, some rows are filtered out, and the story writes inside
    /// an open transaction (creates between committed keys, an update that moves a row out of the filter, a delete):
    /// every query returns what the scan and sort return, ascending and descending, TopCount and paging (by page number
    /// and by cookie, every page until MoreRecords is false).
    /// </summary>
    [Fact]
    public void Paging_by_primary_key_reads_in_key_order_and_returns_what_the_scan_returns()
    {
        var scanned = KeyPagingStory(indexes: false, out _);
        var indexed = KeyPagingStory(indexes: true, out var keyOrdered);

        Assert.Equal(scanned.Count, indexed.Count);
        for (var i = 0; i < scanned.Count; i++) Assert.Equal(scanned[i], indexed[i]);
        Assert.Contains("lead", keyOrdered);
    }

    private static Guid Shuffled(int n) => new($"{(n * 7919 % 1000):D8}-0000-0000-0000-{n:D12}"); // created out of key order

    private static List<string> KeyPagingStory(bool indexes, out List<string> keyOrdered)
    {
        var org = LocalOrganization.Create(new LocalOrganizationOptions { StepFilter = _ => false, UseQueryIndexes = indexes, StartUtc = Start });
        var rows = new List<Entity>();
        for (var n = 1; n <= 37; n++)
            rows.Add(new Entity("lead", Shuffled(n)) { ["subject"] = "Lead " + n, ["llc_score"] = n % 4 == 0 ? 99 : n });
        org.Initialize(rows);
        var user = org.DefaultUserId;
        var sorted = rows.Select(r => r.Id).OrderBy(id => id).ToList();
        var views = new List<string>();
        var used = new List<string>();

        QueryExpression Page(OrderType direction, int? top, ConditionOperator? op = null, object? bound = null)
        {
            var q = new QueryExpression("lead") { ColumnSet = new ColumnSet("subject", "llc_score") };
            q.Criteria.AddCondition("llc_score", ConditionOperator.NotEqual, 99);
            if (op is { } o) q.Criteria.AddCondition("leadid", o, bound);
            q.AddOrder("leadid", direction);
            if (top is int t) q.TopCount = t;
            return q;
        }
        string Run(Transaction transaction, QueryExpression query)
        {
            var store = new CountingStore(new TransactionQueryStore(org, transaction));
            var result = QueryEngine.Execute(query, store, new QueryContext(Start, user));
            used.AddRange(store.KeyOrdered);
            if (indexes) Assert.Empty(store.Scanned);
            return $"more={result.MoreRecords} total={result.TotalRecordCount} " + Describe(result);
        }
        void Look(Transaction transaction)
        {
            foreach (var direction in new[] { OrderType.Ascending, OrderType.Descending })
            {
                // The job's loop: top 5 after the cursor, until a short page.
                Guid? cursor = null;
                var op = direction == OrderType.Ascending ? ConditionOperator.GreaterThan : ConditionOperator.LessThan;
                for (var guard = 0; guard < 20; guard++)
                {
                    var query = Page(direction, 5, cursor is null ? null : op, cursor);
                    var result = QueryEngine.Execute(query, new TransactionQueryStore(org, transaction), new QueryContext(Start, user));
                    views.Add(Run(transaction, Page(direction, 5, cursor is null ? null : op, cursor)));
                    if (result.Entities.Count < 5) break;
                    cursor = result.Entities[^1].Id;
                }
                // Inclusive bounds, a bound given as text, a bound between keys, a bound past the end, TopCount 0.
                var inclusive = direction == OrderType.Ascending ? ConditionOperator.GreaterEqual : ConditionOperator.LessEqual;
                views.Add(Run(transaction, Page(direction, 4, inclusive, sorted[10])));
                views.Add(Run(transaction, Page(direction, 4, op, sorted[20].ToString("B"))));
                views.Add(Run(transaction, Page(direction, 4, op, new Guid("00000500-0000-0000-0000-000000000000"))));
                views.Add(Run(transaction, Page(direction, 4, op, direction == OrderType.Ascending ? Guid.Parse("ffffffff-ffff-ffff-ffff-ffffffffffff") : Guid.Empty)));
                views.Add(Run(transaction, Page(direction, 0)));
                // Both bounds of a partition (the jobs' PartitionEnd).
                var both = Page(direction, 50, ConditionOperator.GreaterThan, sorted[5]);
                both.Criteria.AddCondition("leadid", ConditionOperator.LessThan, sorted[30]);
                views.Add(Run(transaction, both));
                // PageInfo: by page number, then by cookie, every page.
                for (var number = 1; number <= 5; number++)
                {
                    var q = Page(direction, null);
                    q.PageInfo = new PagingInfo { Count = 6, PageNumber = number };
                    views.Add(Run(transaction, q));
                }
                string? cookie = null;
                for (var number = 1; number <= 10; number++)
                {
                    var q = Page(direction, null, op, sorted[3]);
                    q.PageInfo = new PagingInfo { Count = 7, PageNumber = number, PagingCookie = cookie };
                    var result = QueryEngine.Execute(q, new TransactionQueryStore(org, transaction), new QueryContext(Start, user));
                    views.Add($"cookie page {number}: more={result.MoreRecords} " + Describe(result));
                    if (!result.MoreRecords) break;
                    cookie = result.PagingCookie;
                }
            }
        }

        var open = new Transaction(org.Store);
        Look(open);
        org.Writer.Create(open, new Entity("lead", new Guid("00000400-0000-0000-0000-000000000001")) { ["subject"] = "Between", ["llc_score"] = 1 }, user);
        org.Writer.Create(open, new Entity("lead", Guid.Parse("ffffffff-0000-0000-0000-000000000000")) { ["subject"] = "Last", ["llc_score"] = 2 }, user);
        org.Writer.Update(open, new Entity("lead", sorted[12]) { ["llc_score"] = 99 }, user, ConcurrencyBehavior.Default);
        org.Writer.Delete(open, "lead", sorted[2], null, ConcurrencyBehavior.Default);
        Look(open);                       // the transaction's own creates, updates and deletes
        var outside = new Transaction(org.Store);
        Look(outside);                    // committed rows only
        outside.Rollback();
        open.Commit();
        Look(new Transaction(org.Store)); // the key order after ids came and went
        keyOrdered = used;
        return views;
    }

    [Fact]
    public void An_index_cannot_answer_for_values_of_another_kind_than_its_column_holds()
    {
        var index = new ColumnIndex();
        index.Add(Guid.NewGuid(), "12");
        index.Add(Guid.NewGuid(), "Twelve");

        Assert.Equal(1, index.Count([Scalar.OfText("twelve")]));
        Assert.Null(index.Count([Scalar.OfNumber(12)])); // compared by text form by the engine: only a scan says
        index.Add(Guid.NewGuid(), 12);
        Assert.Null(index.Count([Scalar.OfText("12")])); // a column holding two kinds: scan
    }

    /// <summary>A result as text: each row's table, id and values in order, then the paging facts (both organizations
    /// hold the same rows with the same ids; only their default user, team, business unit and organization differ).</summary>
    private static string Describe(EntityCollection result)
    {
        var text = new StringBuilder();
        foreach (var row in result.Entities)
        {
            text.Append(row.LogicalName).Append(' ').Append(row.Id).Append(" {");
            foreach (var (name, value) in row.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal))
                text.Append(name).Append('=').Append(Value(value)).Append("; ");
            text.AppendLine("}");
        }
        text.Append($"more={result.MoreRecords} total={result.TotalRecordCount} limit={result.TotalRecordCountLimitExceeded} cookie={result.PagingCookie}");
        return text.ToString();
    }

    private static string Value(object? value) => value switch
    {
        null => "null",
        // The default user, team and business unit, and the organization itself (organizationid of organization-owned
        // rows), get new ids in every organization: compared by table only.
        EntityReference { LogicalName: "systemuser" or "team" or "businessunit" or "organization" } r => $"ref({r.LogicalName})",
        EntityReference r => $"ref({r.LogicalName},{r.Id})",
        OptionSetValue o => $"option({o.Value})",
        Money m => $"money({m.Value.ToString(CultureInfo.InvariantCulture)})",
        AliasedValue a => $"aliased({a.EntityLogicalName}.{a.AttributeLogicalName}={Value(a.Value)})",
        DateTime d => d.ToString("o", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Records which tables a query scanned whole and which it looked up by index.</summary>
    private sealed class CountingStore(IIndexedQueryableStore inner) : IIndexedQueryableStore
    {
        public List<string> Scanned { get; } = new();
        public List<string> Looked { get; } = new();
        public List<string> LookedBy { get; } = new();

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
            if (rows is not null)
            {
                Looked.Add(logicalName);
                LookedBy.Add(logicalName + "." + string.Join("|", anyOf.Select(l => l.Attribute)));
            }
            return rows;
        }

        public List<string> KeyOrdered { get; } = new();

        public IEnumerable<Entity>? RowsInKeyOrder(string logicalName, Guid? from, bool descending)
        {
            var rows = inner.RowsInKeyOrder(logicalName, from, descending);
            if (rows is not null) KeyOrdered.Add(logicalName);
            return rows;
        }
    }
}
