# Address + undefined-behaviour sanitizers for the whole build (WAKE_SANITIZE=ON).
# Applied globally so that tests, libraries and the app agree on the runtime.
if(WAKE_SANITIZE)
    # -O1: what the sanitizers' authors advise (good stacks, tolerable speed),
    # and a third less compile time than -O2.
    add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer
                        -fno-sanitize-recover=undefined -O1)
    add_link_options(-fsanitize=address,undefined)
endif()
