using LeadLifecycle.Cli;

return await CliApp.RunAsync(args, CliHost.FromProcess());
