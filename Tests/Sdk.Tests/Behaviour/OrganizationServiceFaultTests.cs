using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Sdk.Tests.Behaviour;

/// <summary>The fault the organization service reports: ToString lists the whole InnerFault chain.</summary>
public class OrganizationServiceFaultTests
{
    [Fact]
    public void ToString_describes_each_fault_of_the_chain_with_its_hex_error_code()
    {
        var fault = new OrganizationServiceFault
        {
            ErrorCode = unchecked((int)0x80040265),
            Message = "Enter an email address.",
            InnerFault = new OrganizationServiceFault { ErrorCode = unchecked((int)0x80040203), Message = "Inner cause." },
        };

        string text = fault.ToString();

        Assert.Contains("ErrorCode: 0x80040265", text);
        Assert.Contains("Message: Enter an email address.", text);
        Assert.Contains("ErrorCode: 0x80040203", text);
        Assert.Contains("Message: Inner cause.", text);
    }

    [Fact]
    public void Error_details_are_available_without_being_set()
    {
        var fault = new OrganizationServiceFault();

        fault.ErrorDetails["CallStack"] = "at LeadLifecycle.Plugins.X";

        Assert.Contains("StackTrace: ", fault.ToString());
    }
}
