using System.Collections.Concurrent;
using LeadLifecycle.Cli.Commands;
using LeadLifecycle.Cli.WebApi;

namespace LeadLifecycle.Cli.Recompute;

/// <summary>
/// Recalculates the relationship type of every record of a table (or those matching an OData filter): pages through
/// them by primary key, sends the records of a page in parallel at the organization's recommended degree of
/// parallelism (x-ms-dop-hint), records each finished record in the checkpoint and moves to the next page.
/// Ctrl+C stops sending new records, lets those in flight finish, and leaves the checkpoint for a resume.
/// </summary>
internal sealed class BulkRecalculation(DataverseWebApi api, RelationshipTypeRecalculator recalculator)
{
    public const int DefaultPageSize = 500;

    public sealed record Failure(Guid Id, string Message);

    public int PageSize { get; init; } = DefaultPageSize;
    /// <summary>An upper bound on parallel requests (null: what the organization recommends).</summary>
    public int? MaxParallel { get; init; }
    public ConcurrentQueue<Failure> Failures { get; } = new();

    public static string FirstPageUrl(RelationshipTable table, string? filter) =>
        $"{table.EntitySetName}?$select={table.PrimaryIdAttribute},{RelationshipTypeRecalculator.TypeAttribute}" +
        $"&$orderby={table.PrimaryIdAttribute} asc&$count=true" +
        (string.IsNullOrWhiteSpace(filter) ? "" : $"&$filter={Uri.EscapeDataString(filter)}");

    public async Task RunAsync(RelationshipTable table, string? filter, RecomputeCheckpoint checkpoint, IProgressReporter progress,
        CancellationToken stop)
    {
        progress.SetValue(checkpoint.Done);
        var pageNumber = 0;
        await foreach (var page in api.ReadAsync(checkpoint.PageUrl ?? FirstPageUrl(table, filter), PageSize, stop))
        {
            pageNumber++;
            // @odata.count: the records matching now (those already done may or may not match any more).
            if (pageNumber == 1 && page.TotalCount is { } total) progress.SetMaximum(Math.Max(total, checkpoint.Done));
            var pending = page.Rows
                .Select(row => (Id: Guid.Parse(row[table.PrimaryIdAttribute]!.GetValue<string>()), Type: RelationshipTypeRecalculator.ReadType(row)))
                .Where(record => !checkpoint.IsDone(record.Id))
                .ToList();
            var parallel = Math.Max(1, Math.Min(api.RecommendedDegreeOfParallelism, MaxParallel ?? int.MaxValue));

            await Parallel.ForEachAsync(pending, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = stop },
                async (record, _) =>
                {
                    // Not cancelled by Ctrl+C: a record in flight finishes and is recorded, so it is never done twice.
                    var outcome = await RecalculateOneAsync(table, record.Id, record.Type);
                    checkpoint.Record(record.Id, outcome);
                    progress.Increment();
                });
            checkpoint.CompletePage(page.NextLink);
            progress.Note($"page {pageNumber}: {page.Rows.Count} {table.LogicalName} records, {parallel} in parallel — " +
                          $"{checkpoint.Changed} changed, {checkpoint.Unchanged} unchanged, {checkpoint.Failed} failed so far");
        }
    }

    private async Task<RecalculationOutcome> RecalculateOneAsync(RelationshipTable table, Guid id, int? typeBefore)
    {
        try
        {
            return await recalculator.RecalculateAsync(table, id, typeBefore, CancellationToken.None);
        }
        catch (DataverseApiException ex) when (!ex.IsAuthorizationFailure)
        {
            // The platform refused this record (plug-in error, record gone, throttled beyond retries): report it, go on.
            Failures.Enqueue(new Failure(id, ex.Message));
            return RecalculationOutcome.Failed;
        }
    }
}
