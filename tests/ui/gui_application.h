#pragma once

// One QGuiApplication for the map tests' process: fonts and pixmaps need it,
// widgets do not come into it.

#include <QGuiApplication>

namespace wake::test {

inline void ensureGuiApplication()
{
    static int argc = 1;
    static char arg0[] = "wake_map_tests";
    static char* argv[] = {arg0, nullptr};
    if (QGuiApplication::instance() == nullptr) {
        new QGuiApplication(argc, argv);
    }
}

} // namespace wake::test
