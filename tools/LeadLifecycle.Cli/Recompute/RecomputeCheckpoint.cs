using System.Text.Json;
using System.Text.Json.Serialization;

namespace LeadLifecycle.Cli.Recompute;

/// <summary>
/// Where a bulk recalculation stands, on disk, so that an interrupted run (Ctrl+C, crash, lost network) resumes
/// without losing a record or doing one twice. JSON Lines: the first line is the header (which run, the page being
/// worked, the counts of finished pages); each further line is one record of that page, appended and flushed as it
/// finishes. Finishing a page rewrites the file (atomically) with the next page and the folded counts.
/// A torn last line (crash while writing) is ignored: that record is simply recalculated again.
/// The file is written from the first finished record on: a run that fails before any record is done (a wrong
/// filter, a refused sign-in) leaves no checkpoint behind to get in the next run's way.
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
    private StreamWriter? _journal; // null until the file exists (the first finished record writes it)

    private RecomputeCheckpoint(string path, Header header, Dictionary<Guid, RecalculationOutcome> doneInPage, bool onDisk)
    {
        _path = path;
        _header = header;
        _doneInPage = doneInPage;
        if (onDisk) _journal = OpenForAppend(path);
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

    /// <summary>
    /// Opens the checkpoint of this run, or starts a new one. A checkpoint of another run that has done work is an
    /// error, never overwritten: the message says how to finish that run or drop it. One that has done nothing (left by
    /// an older llc) holds nothing to lose and is replaced.
    /// </summary>
    public static RecomputeCheckpoint OpenOrStart(string path, RunIdentity run)
    {
        if (!File.Exists(path)) return new RecomputeCheckpoint(path, new Header(run, null, 0, 0, 0, []), [], onDisk: false);
        var lines = File.ReadAllLines(path);
        Header? header = null;
        try { header = lines.Length > 0 ? JsonSerializer.Deserialize<Header>(lines[0], Json) : null; }
        catch (JsonException) { }
        if (header is null)
            throw new InvalidDataException($"The checkpoint file '{path}' is not readable; delete it to start over.");
        var done = new Dictionary<Guid, RecalculationOutcome>();
        foreach (var text in lines.Skip(1))
        {
            try { if (JsonSerializer.Deserialize<Line>(text, Json) is { } line) done[line.Id] = line.Outcome; }
            catch (JsonException) { /* torn last line of a crash: recalculated again */ }
        }
        if (header.Run != run)
        {
            var doneBefore = header.Changed + header.Unchanged + header.Failed + done.Count;
            if (doneBefore == 0 && header.PageUrl is null)
            {
                File.Delete(path);
                return new RecomputeCheckpoint(path, new Header(run, null, 0, 0, 0, []), [], onDisk: false);
            }
            throw new InvalidDataException(
                $"The checkpoint '{path}' is of an unfinished run over {header.Run.Table} records at {header.Run.Url} " +
                $"({(header.Run.Filter is null ? "no filter" : $"filter \"{header.Run.Filter}\"")}; {doneBefore} records done), not of this one. " +
                $"To finish that run, give its options again: llc recompute --url {header.Run.Url} --table {header.Run.Table}" +
                $"{(header.Run.Filter is null ? "" : $" --filter \"{header.Run.Filter}\"")}. To drop it and start this run, delete '{path}'.");
        }
        return new RecomputeCheckpoint(path, header, done, onDisk: true) { Resumed = true };
    }

    /// <summary>Records one finished record; flushed before returning so a crash right after loses nothing.</summary>
    public void Record(Guid id, RecalculationOutcome outcome)
    {
        lock (_gate)
        {
            _doneInPage[id] = outcome;
            var journal = Journal();
            journal.WriteLine(JsonSerializer.Serialize(new Line(id, outcome), Json));
            journal.Flush();
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
            _journal?.Dispose();
            WriteAtomically(_path, _header);
            _journal = OpenForAppend(_path);
        }
    }

    /// <summary>The run is over: the checkpoint is no longer needed.</summary>
    public void Delete()
    {
        lock (_gate)
        {
            _journal?.Dispose();
            _journal = null;
            File.Delete(_path);
        }
    }

    public void Dispose() { lock (_gate) _journal?.Dispose(); }

    // The file appears with the first finished record: its header first, then the record lines.
    private StreamWriter Journal()
    {
        if (_journal is not null) return _journal;
        WriteAtomically(_path, _header);
        return _journal = OpenForAppend(_path);
    }

    private static StreamWriter OpenForAppend(string path) => new(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read));

    private static void WriteAtomically(string path, Header header)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(header, Json) + Environment.NewLine);
        File.Move(temporary, path, overwrite: true);
    }
}
