// Operations module.
