# One place for compiler warnings, applied to every Wake target.
# WAKE_WERROR turns them into errors (the CI build sets it through test.sh).
function(wake_set_warnings target)
    if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
        target_compile_options(${target} PRIVATE
            -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
            -Wcast-align -Woverloaded-virtual -Wnull-dereference -Wformat=2
            -Wimplicit-fallthrough)
        if(WAKE_WERROR)
            target_compile_options(${target} PRIVATE -Werror)
        endif()
    endif()
endfunction()
