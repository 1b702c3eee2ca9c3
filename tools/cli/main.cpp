// parley-cli: placeholder until the command-line tool lands (being written now).
int main() { return 2; }
