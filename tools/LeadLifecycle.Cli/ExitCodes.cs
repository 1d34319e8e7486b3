namespace LeadLifecycle.Cli;

/// <summary>The exit codes of every `llc` command (documented in README.md).</summary>
public static class ExitCodes
{
    /// <summary>The command did what it was asked.</summary>
    public const int Ok = 0;
    /// <summary>The command ran but something failed: a defect in the checked zip, a failed import,
    /// records that could not be recalculated, a platform error.</summary>
    public const int Failure = 1;
    /// <summary>The command line or an input file is wrong (unknown option, missing file, invalid JSON, ...).</summary>
    public const int BadArguments = 2;
    /// <summary>Sign-in failed or the organization refused the credentials (HTTP 401/403).</summary>
    public const int SignInFailed = 3;
    /// <summary>Stopped by Ctrl+C; bulk commands can be resumed from their checkpoint file.</summary>
    public const int Interrupted = 130;
}
