// TimingIngest module
