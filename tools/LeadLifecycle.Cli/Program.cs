// Placeholder until the command-line tool lands (command-line issue).
return 0;
