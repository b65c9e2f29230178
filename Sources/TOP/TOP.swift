// TOP module.
