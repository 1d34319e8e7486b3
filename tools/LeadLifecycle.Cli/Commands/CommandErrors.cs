using LeadLifecycle.Cli.Auth;
using LeadLifecycle.Cli.WebApi;

namespace LeadLifecycle.Cli.Commands;

/// <summary>Turns what can go wrong while talking to an organization into a clear message and an exit code.</summary>
internal static class CommandErrors
{
    public static async Task<int> GuardAsync(CliHost host, Func<Task<int>> run)
    {
        try
        {
            return await run();
        }
        catch (SignInException ex)
        {
            host.Error.WriteLine($"error: {ex.Message}");
            return ex.IsConfiguration ? ExitCodes.BadArguments : ExitCodes.SignInFailed;
        }
        catch (DataverseApiException ex) when (ex.IsAuthorizationFailure)
        {
            host.Error.WriteLine($"error: the organization refused the credentials (HTTP {(int)ex.StatusCode}): {ex.Message}");
            return ExitCodes.SignInFailed;
        }
        catch (DataverseApiException ex)
        {
            host.Error.WriteLine($"error: {ex.Message}{(ex.ErrorCode is null ? "" : $" ({ex.ErrorCode})")}");
            return ExitCodes.Failure;
        }
        catch (HttpRequestException ex)
        {
            host.Error.WriteLine($"error: could not reach the organization: {ex.Message}");
            return ExitCodes.Failure;
        }
        catch (TimeoutException ex)
        {
            host.Error.WriteLine($"error: {ex.Message}");
            return ExitCodes.Failure;
        }
        catch (OperationCanceledException)
        {
            host.Error.WriteLine("Interrupted.");
            return ExitCodes.Interrupted;
        }
    }
}
