using System.Text.Json;
using System.Text.Json.Serialization;

namespace LeadLifecycle.Cli.Recompute;

/// <summary>
/// Where a bulk recalculation stands, on disk, so that an interrupted run (Ctrl+C, crash, lost network) resumes
/// without losing a record or doing one twice. JSON Lines: the first line is the header (which run, the page being
/// worked, the counts of finished pages); each further line is one record of that page, appended and flushed as it
/// finishes. Finishing a page rewrites the file (atomically) with the next page and the folded counts.
/// A torn last line (crash while writing) is ignored: that record is simply recalculated again.
/// </summary>
public sealed class RecomputeCheckpoint : IDisposable
{
    public sealed record RunIdentity(string Url, string Table, string? Filter, string Action);

    public sealed record Header(RunIdentity Run, string? PageUrl, int Changed, int Unchanged, int Failed, List<Guid> FailedIds);

    private sealed record Line(Guid Id, RecalculationOutcome Outcome);

    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    private readonly object _gate = new();
    private readonly string _path;
    private Header _header;
    private readonly Dictionary<Guid, RecalculationOutcome> _doneInPage;
    private StreamWriter _journal;

    private RecomputeCheckpoint(string path, Header header, Dictionary<Guid, RecalculationOutcome> doneInPage)
    {
        _path = path;
        _header = header;
        _doneInPage = doneInPage;
        _journal = OpenForAppend(path);
    }

    public string Path => _path;
    public bool Resumed { get; private init; }
    /// <summary>The page to read next (null: the query's first page).</summary>
    public string? PageUrl { get { lock (_gate) return _header.PageUrl; } }

    public int Changed { get { lock (_gate) return _header.Changed + _doneInPage.Values.Count(o => o == RecalculationOutcome.Changed); } }
    public int Unchanged { get { lock (_gate) return _header.Unchanged + _doneInPage.Values.Count(o => o == RecalculationOutcome.Unchanged); } }
    public int Failed { get { lock (_gate) return _header.Failed + _doneInPage.Values.Count(o => o == RecalculationOutcome.Failed); } }
    public int Done => Changed + Unchanged + Failed;
    public IReadOnlyList<Guid> FailedIds
    {
        get { lock (_gate) return [.. _header.FailedIds, .. _doneInPage.Where(d => d.Value == RecalculationOutcome.Failed).Select(d => d.Key)]; }
    }

    public bool IsDone(Guid id) { lock (_gate) return _doneInPage.ContainsKey(id); }

    /// <summary>Opens the checkpoint of this run, or starts a new one. A checkpoint of another run is an error, never overwritten.</summary>
    public static RecomputeCheckpoint OpenOrStart(string path, RunIdentity run)
    {
        if (!File.Exists(path))
        {
            WriteAtomically(path, new Header(run, null, 0, 0, 0, []));
            return new RecomputeCheckpoint(path, new Header(run, null, 0, 0, 0, []), []);
        }
        var lines = File.ReadAllLines(path);
        Header? header = null;
        try { header = lines.Length > 0 ? JsonSerializer.Deserialize<Header>(lines[0], Json) : null; }
        catch (JsonException) { }
        if (header is null)
            throw new InvalidDataException($"The checkpoint file '{path}' is not readable; delete it to start over.");
        if (header.Run != run)
            throw new InvalidDataException($"The checkpoint file '{path}' belongs to another run ({header.Run.Table} at {header.Run.Url}, " +
                                           $"filter '{header.Run.Filter}'); finish that run or delete the file.");
        var done = new Dictionary<Guid, RecalculationOutcome>();
        foreach (var text in lines.Skip(1))
        {
            try { if (JsonSerializer.Deserialize<Line>(text, Json) is { } line) done[line.Id] = line.Outcome; }
            catch (JsonException) { /* torn last line of a crash: recalculated again */ }
        }
        return new RecomputeCheckpoint(path, header, done) { Resumed = true };
    }

    /// <summary>Records one finished record; flushed before returning so a crash right after loses nothing.</summary>
    public void Record(Guid id, RecalculationOutcome outcome)
    {
        lock (_gate)
        {
            _doneInPage[id] = outcome;
            _journal.WriteLine(JsonSerializer.Serialize(new Line(id, outcome), Json));
            _journal.Flush();
        }
    }

    /// <summary>The current page is finished: fold its records into the counts and move on to <paramref name="nextPageUrl"/>.</summary>
    public void CompletePage(string? nextPageUrl)
    {
        lock (_gate)
        {
            _header = _header with
            {
                PageUrl = nextPageUrl,
                Changed = Changed, Unchanged = Unchanged, Failed = Failed,
                FailedIds = [.. FailedIds],
            };
            _doneInPage.Clear();
            _journal.Dispose();
            WriteAtomically(_path, _header);
            _journal = OpenForAppend(_path);
        }
    }

    /// <summary>The run is over: the checkpoint is no longer needed.</summary>
    public void Delete()
    {
        lock (_gate)
        {
            _journal.Dispose();
            File.Delete(_path);
        }
    }

    public void Dispose() { lock (_gate) _journal.Dispose(); }

    private static StreamWriter OpenForAppend(string path) => new(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read));

    private static void WriteAtomically(string path, Header header)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(header, Json) + Environment.NewLine);
        File.Move(temporary, path, overwrite: true);
    }
}
