// The GUI tests' Catch2 runner (each test opens the real window; run under xvfb-run).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
