"""HTTP plumbing of the functions: the Powertools resolver and its error mapping, bodies, CORS, caller authentication.

The domain modules never import this package: a function's route parses the request here, calls one domain function
and answers through here. Import the submodule you need (``optledger.api.resolver`` and so on); this file imports
nothing, so a function pays only for the pieces it uses.
"""
