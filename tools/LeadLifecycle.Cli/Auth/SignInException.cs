namespace LeadLifecycle.Cli.Auth;

/// <summary>Sign-in could not happen: missing configuration (a usage error) or the identity platform said no.</summary>
public sealed class SignInException(string message, bool isConfiguration = false, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>True when the user must fix the configuration (exit 2) rather than the credentials (exit 3).</summary>
    public bool IsConfiguration { get; } = isConfiguration;
}
