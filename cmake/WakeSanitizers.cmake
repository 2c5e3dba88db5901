# Address + undefined-behaviour sanitizers for the whole build (WAKE_SANITIZE=ON).
# Applied globally so that tests, libraries and the app agree on the runtime.
if(WAKE_SANITIZE)
    add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer
                        -fno-sanitize-recover=undefined)
    add_link_options(-fsanitize=address,undefined)
endif()
