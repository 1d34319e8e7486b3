using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Sdk.Tests.Behaviour;

/// <summary>The exception plug-ins throw to cancel an operation with a message for the user.</summary>
public class InvalidPluginExecutionExceptionTests
{
    [Fact]
    public void Message_constructor_fails_the_operation_with_that_message()
    {
        var exception = new InvalidPluginExecutionException("Enter an email address or a phone number.");

        Assert.Equal("Enter an email address or a phone number.", exception.Message);
        Assert.Equal(OperationStatus.Failed, exception.Status);
        Assert.Equal(PluginHttpStatusCode.NotSet, exception.HttpStatus);
    }

    [Fact]
    public void Error_code_is_the_given_code_or_else_the_exception_HResult()
    {
        var coded = new InvalidPluginExecutionException(OperationStatus.Canceled, -2147220891, "Stopped.");
        var uncoded = new InvalidPluginExecutionException(OperationStatus.Failed, 0, "Stopped.");

        Assert.Equal(-2147220891, coded.ErrorCode);
        Assert.Equal(OperationStatus.Canceled, coded.Status);
        Assert.Equal(new Exception().HResult, uncoded.ErrorCode);
    }

    [Fact]
    public void Wrapping_keeps_the_inner_exception_and_its_http_status()
    {
        var inner = new InvalidPluginExecutionException("Not found.", PluginHttpStatusCode.NotFound);

        var outer = new InvalidPluginExecutionException("Lookup failed.", inner);

        Assert.Same(inner, outer.InnerException);
        Assert.Equal(PluginHttpStatusCode.NotFound, outer.HttpStatus);
        Assert.Equal(PluginHttpStatusCode.NotSet, new InvalidPluginExecutionException("x", new InvalidOperationException()).HttpStatus);
    }

    [Fact]
    public void Status_only_constructor_has_an_empty_message()
    {
        var exception = new InvalidPluginExecutionException(OperationStatus.Suspended);

        Assert.Equal(string.Empty, exception.Message);
        Assert.Equal(OperationStatus.Suspended, exception.Status);
    }
}
