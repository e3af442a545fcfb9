return a()
