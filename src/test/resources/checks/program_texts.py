"""Checks generated programs against their skeletons, many in one process.

Each line of the file named on the command line is a JSON object: "program" (a scenario's
generated program), "skeleton" (the program of the same scenario with every text replaced by
a marker word such as M12_) and "texts" (each marker to the text it stands for). For each line
this prints one line, "ok" or what is wrong:

- both parse and compile (the symbol table included), and Python's own tokenize module reads
  the program;
- no character of the program but its line breaks is one str.isprintable() refuses: no raw
  line or paragraph separator, form feed, NUL, BOM, bidirectional control or lone surrogate
  that an editor, a terminal or a tokenizer could take for something else;
- the two trees have the same shape: the same nodes (statements, calls, f-string parts...)
  in the same places, with the same variables up to a consistent renaming (a thread
  variable is named after its worker's name, which is a text);
- each string constant of the program, in order, is the skeleton's, with each marker
  replaced by exactly its text (a docstring, a literal, an f-string's literal part);
- each comment of the program is the skeleton's, on the same line; a marker in a comment (an io label) stands
  for its text with every character str.isprintable() refuses made a space, stripped of
  spaces at both ends, and with no text the comment ends before its colon.
"""
import ast
import io
import json
import re
import sys
import tokenize

LABEL = re.compile(r"(.*): (M\d+_)")


COMPREHENSIONS = {ast.GeneratorExp, ast.ListComp, ast.SetComp, ast.DictComp}
AST = ast.AST


def outline(tree):
    """The tree's string constants, in order, and its shape: each node in order with its
    type, its number of children and, for a variable, its name renamed in order of first
    appearance; string constants, attribute and keyword names left out.

    Only variables can be renamed consistently: a parameter moved aside (p_ where a thread
    variable is p) shows as self.p_ beside the fixed args.thread and name=; and a
    comprehension's variable is its own (the thread variable t is not the t of
    "for t in threading.enumerate()").
    """
    variables = {}
    strings = []
    shape = []
    pending = [(tree, ())]

    def variable(name):
        renamed = variables.get(name)
        if renamed is None:
            renamed = variables[name] = len(variables)
        return renamed

    while pending:
        node, bound = pending.pop()
        kind = type(node)
        if kind in COMPREHENSIONS:
            bound = bound + tuple(name.id for generator in node.generators for name in ast.walk(generator.target)
                                  if type(name) is ast.Name)
        children = []
        for field in node._fields:
            value = getattr(node, field, None)
            if isinstance(value, list):
                children.extend(item for item in value if isinstance(item, AST))
            elif isinstance(value, AST):
                children.append(value)
        if kind is ast.Name:
            payload = variable(("<comprehension>" if node.id in bound else "") + node.id)
        elif kind is ast.Constant:
            value = node.value
            if type(value) is str:
                strings.append(value)
                payload = None
            else:
                payload = repr(value)
        elif kind is ast.arg:
            payload = variable(node.arg)
        elif kind is ast.FunctionDef or kind is ast.ClassDef or kind is ast.ExceptHandler:
            payload = None if node.name is None else variable(node.name)
        elif kind is ast.Global or kind is ast.Nonlocal:
            payload = tuple(variable(name) for name in node.names)
        else:
            payload = None
        shape.append((kind, len(children), payload))
        for child in reversed(children):
            pending.append((child, bound))
    return strings, shape, variables


def comments(source):
    """Line number to the comment on it, as Python's tokenize module reads the source."""
    return {token.start[0]: token.string for token in tokenize.generate_tokens(io.StringIO(source).readline)
            if token.type == tokenize.COMMENT}


def in_comment(text):
    return "".join(c if c.isprintable() else " " for c in text).strip(" ")


def check(program, skeleton, texts):
    for offset, c in enumerate(program):
        if c != "\n" and not c.isprintable():
            line = program.count("\n", 0, offset) + 1
            return "raw %r on line %d" % (c, line)
    try:
        tree = ast.parse(program)
        compile(tree, "<program>", "exec")
    except (SyntaxError, ValueError) as error:
        return "does not compile: %r" % (error,)
    try:
        program_comments = comments(program)
    except (tokenize.TokenError, SyntaxError) as error:
        return "tokenize refuses it: %r" % (error,)
    found, program_shape, program_names = outline(tree)
    wanted, skeleton_shape, skeleton_names = outline(ast.parse(skeleton))
    if len(found) != len(wanted):
        return "%d string constants, the skeleton has %d" % (len(found), len(wanted))
    if program_shape != skeleton_shape:
        return "the program's structure differs from the skeleton's"
    for got, marked in zip(found, wanted):
        want = texts.get(marked, marked)
        # a keyword argument's name (kwargs={"p_": 1}) is its parameter's, which may be moved aside
        same_name = got in program_names and program_names[got] == skeleton_names.get(marked, -1)
        if got != want and not same_name:
            return "string constant %r, expected %r" % (got, want)
    # lines match one for one (a text never spans lines), and a skeleton's only "#" start comments
    skeleton_lines = skeleton.split("\n")
    skeleton_comments = {number: line[line.index("#"):] for number, line in enumerate(skeleton_lines, 1) if "#" in line}
    if sorted(program_comments) != sorted(skeleton_comments):
        return "comments on lines %s, the skeleton's on lines %s" % (sorted(program_comments), sorted(skeleton_comments))
    for number, got in program_comments.items():
        want = skeleton_comments[number]
        label = LABEL.fullmatch(want)
        if label and label.group(2) in texts:
            shown = in_comment(texts[label.group(2)])
            want = label.group(1) + (": " + shown if shown else "")
        if got != want:
            return "comment %r, expected %r" % (got, want)
    return "ok"


def main():
    with open(sys.argv[1], encoding="ascii") as lines:
        for line in lines:
            case = json.loads(line)
            try:
                verdict = check(case["program"], case["skeleton"], case["texts"])
            except Exception as error:  # a checker crash is a finding too, on its own line
                verdict = "the check failed: %r" % (error,)
            print(verdict if verdict == "ok" else " ".join(verdict.split()), flush=False)


main()
