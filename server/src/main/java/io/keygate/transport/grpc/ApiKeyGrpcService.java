package io.keygate.transport.grpc;

import io.grpc.stub.StreamObserver;
import io.keygate.manage.ApiKeyManager;
import io.keygate.manage.TokenIssuer;
import io.keygate.manage.TokenManager;
import io.keygate.v1.ApiKeyServiceGrpc;
import io.keygate.v1.CreateApiKeyRequest;
import io.keygate.v1.CreateApiKeyResponse;
import io.keygate.v1.CreateTokenRequest;
import io.keygate.v1.CreateTokenResponse;
import io.keygate.v1.DeleteApiKeyRequest;
import io.keygate.v1.DeleteApiKeyResponse;
import io.keygate.v1.DeleteTokenRequest;
import io.keygate.v1.DeleteTokenResponse;
import io.keygate.v1.GetApiKeyRequest;
import io.keygate.v1.GetApiKeyResponse;
import io.keygate.v1.ListApiKeysRequest;
import io.keygate.v1.ListApiKeysResponse;
import io.keygate.v1.ListTokensRequest;
import io.keygate.v1.ListTokensResponse;
import io.keygate.v1.RevokeApiKeyRequest;
import io.keygate.v1.RevokeApiKeyResponse;
import io.keygate.v1.RotateTokenRequest;
import io.keygate.v1.RotateTokenResponse;
import io.keygate.v1.UpdateApiKeyRequest;
import io.keygate.v1.UpdateApiKeyResponse;
import io.keygate.v1.UpdateTokenRequest;
import io.keygate.v1.UpdateTokenResponse;

/** {@code keygate.v1.ApiKeyService}: keys and their tokens. */
public final class ApiKeyGrpcService extends ApiKeyServiceGrpc.ApiKeyServiceImplBase {
  private final ApiKeyManager keys;
  private final TokenManager tokens;

  public ApiKeyGrpcService(ApiKeyManager keys, TokenManager tokens) {
    this.keys = keys;
    this.tokens = tokens;
  }

  @Override
  public void createApiKey(CreateApiKeyRequest request, StreamObserver<CreateApiKeyResponse> observer) {
    Rpc.managed(observer, caller -> keys.create(caller, request));
  }

  @Override
  public void getApiKey(GetApiKeyRequest request, StreamObserver<GetApiKeyResponse> observer) {
    Rpc.managed(observer, caller ->
        GetApiKeyResponse.newBuilder().setApiKey(keys.get(caller, request.getApiKeyId())).build());
  }

  @Override
  public void listApiKeys(ListApiKeysRequest request, StreamObserver<ListApiKeysResponse> observer) {
    Rpc.managed(observer, caller -> keys.list(caller, request));
  }

  @Override
  public void updateApiKey(UpdateApiKeyRequest request, StreamObserver<UpdateApiKeyResponse> observer) {
    Rpc.managed(observer, caller -> UpdateApiKeyResponse.newBuilder().setApiKey(keys.update(caller, request)).build());
  }

  @Override
  public void revokeApiKey(RevokeApiKeyRequest request, StreamObserver<RevokeApiKeyResponse> observer) {
    Rpc.managed(observer, caller ->
        RevokeApiKeyResponse.newBuilder().setApiKey(keys.revoke(caller, request.getApiKeyId())).build());
  }

  @Override
  public void deleteApiKey(DeleteApiKeyRequest request, StreamObserver<DeleteApiKeyResponse> observer) {
    Rpc.managed(observer, caller ->
        DeleteApiKeyResponse.newBuilder().setDeletedTokens(keys.delete(caller, request.getApiKeyId())).build());
  }

  @Override
  public void createToken(CreateTokenRequest request, StreamObserver<CreateTokenResponse> observer) {
    Rpc.managed(observer, caller -> {
      TokenIssuer.Issued issued = tokens.create(caller, request.getApiKeyId(), request.getToken());
      return CreateTokenResponse.newBuilder().setToken(issued.token()).setSecret(issued.secret()).build();
    });
  }

  @Override
  public void listTokens(ListTokensRequest request, StreamObserver<ListTokensResponse> observer) {
    Rpc.managed(observer, caller -> tokens.list(caller, request));
  }

  @Override
  public void updateToken(UpdateTokenRequest request, StreamObserver<UpdateTokenResponse> observer) {
    Rpc.managed(observer, caller -> UpdateTokenResponse.newBuilder().setToken(tokens.update(caller, request)).build());
  }

  @Override
  public void rotateToken(RotateTokenRequest request, StreamObserver<RotateTokenResponse> observer) {
    Rpc.managed(observer, caller -> {
      TokenIssuer.Issued issued = tokens.rotate(caller, request);
      return RotateTokenResponse.newBuilder().setToken(issued.token()).setSecret(issued.secret()).build();
    });
  }

  @Override
  public void deleteToken(DeleteTokenRequest request, StreamObserver<DeleteTokenResponse> observer) {
    Rpc.managed(observer, caller -> {
      tokens.delete(caller, request.getTokenId());
      return DeleteTokenResponse.getDefaultInstance();
    });
  }
}
