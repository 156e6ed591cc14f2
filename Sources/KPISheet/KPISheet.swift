// The library's face: pipelines for the command-line tool and other programs.
