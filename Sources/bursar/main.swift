import BursarCommands

Entry.main()
