// Command check asks a running Keygate a fixed set of questions and prints one line per answer; the
// Go half of PolyglotClientsIT (same input and output as client-stubs/python/examples/check.py).
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
	"time"

	keygatev1 "github.com/keygate/keygate/client-stubs/go/keygate/v1"
	"google.golang.org/grpc"
	"google.golang.org/grpc/metadata"
)

type spec struct {
	Cases []struct {
		Name       string `json:"name"`
		Credential string `json:"credential"`
		Resource   string `json:"resource"`
		Action     string `json:"action"`
	} `json:"cases"`
	AdminSecret string `json:"admin_secret"`
}

func main() {
	var s spec
	if err := json.NewDecoder(os.Stdin).Decode(&s); err != nil {
		fail(err)
	}
	target := os.Getenv("KEYGATE_ADDRESS")
	if target == "" {
		target = "127.0.0.1:7070"
	}
	conn, err := grpc.Dial(target, grpc.WithInsecure())
	if err != nil {
		fail(err)
	}
	defer conn.Close()
	authorizer := keygatev1.NewAuthorizerServiceClient(conn)
	for _, c := range s.Cases {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		r, err := authorizer.Authorize(ctx, &keygatev1.AuthorizeRequest{
			Credential: c.Credential, ClientIp: "127.0.0.1", Resource: c.Resource, Action: c.Action})
		cancel()
		if err != nil {
			fail(err)
		}
		keyID := r.GetIdentity().GetApiKeyId()
		if keyID == "" {
			keyID = "-"
		}
		fmt.Println("authorize", c.Name, r.Decision, r.HttpStatus, r.Reason, keyID)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	ctx = metadata.AppendToOutgoingContext(ctx, "x-api-key", s.AdminSecret)
	keys, err := keygatev1.NewApiKeyServiceClient(conn).ListApiKeys(ctx, &keygatev1.ListApiKeysRequest{PageSize: 100})
	if err != nil {
		fail(err)
	}
	ids := []string{}
	for _, k := range keys.ApiKeys {
		ids = append(ids, k.Id)
	}
	sort.Strings(ids)
	fmt.Println("keys", strings.Join(ids, ","))
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}
