# The target approach: a function handed to Thread, its arguments given as args and kwargs.
import threading


def greet(name, greeting="Hello", punctuation="!"):
    print(f"{threading.current_thread().name}: {greeting}, {name}{punctuation}")


# no name given: Python makes one up from a counter and the target's name
unnamed = threading.Thread(target=greet, args=("Alice",))
unnamed.start()
unnamed.join()

named = threading.Thread(target=greet, args=("Bob",), kwargs={"greeting": "Hi", "punctuation": "?"},
                         name="Greeter")
named.start()
named.join()
print(f"MainThread joined {unnamed.name} and {named.name}")
