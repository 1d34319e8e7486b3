using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.LocalOrg.Tests.Pipeline;

/// <summary>
/// The call record names the columns a FetchXML query reads, so an aggregate count is not mistaken for an all-columns
/// read; a fetch with &lt;all-attributes/&gt; or no attribute element reads every column (FetchXML returns them all).
/// </summary>
public class FetchCallRecordingTests
{
    [Theory]
    [InlineData("<fetch aggregate='true'><entity name='lead'><attribute name='leadid' alias='n' aggregate='count' /></entity></fetch>", "leadid")]
    [InlineData("<fetch><entity name='lead'><attribute name='subject' /><attribute name='lastname' /></entity></fetch>", "subject,lastname")]
    [InlineData("<fetch><entity name='lead'><all-attributes /></entity></fetch>", null)]
    [InlineData("<fetch><entity name='lead' /></fetch>", null)]
    public void A_fetch_is_recorded_with_the_columns_it_names(string fetchXml, string? columns)
    {
        var org = LocalOrganization.CreateEmpty();
        using var recording = org.RecordCalls();

        org.GetService().RetrieveMultiple(new FetchExpression(fetchXml));

        var call = Assert.Single(recording.CallerCalls);
        Assert.Equal(("RetrieveMultiple", "lead"), (call.Message, call.Table));
        Assert.Equal(columns?.Split(','), call.Columns);
    }
}
